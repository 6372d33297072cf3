/** The kernel's Web Worker entry: it only exposes a {@link Kernel} to the page through Comlink. */
import * as Comlink from 'comlink';
import { Kernel } from './kernel.ts';

Comlink.expose(new Kernel());
