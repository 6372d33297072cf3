/**
 * Whether the open notebook's code may run. A notebook that shipped with the app runs as it opens;
 * one from outside (a share link, a file opened or dropped) shows its code and waits until the
 * student agrees, once for each exact text (see `consent-store.ts`). Either way its code runs in
 * the kernel's sandbox, and reaches only the hosts its front matter names under `network:`.
 */
import { readNetworkHost, type NetworkHost } from '../notebook/network-host.ts';
import { notebookHash, type ConsentStore } from './consent-store.ts';

/** How a notebook from outside reached the app, for the trust bar. */
export type OutsideVia = 'share-link' | 'file';

/** What the app knows about a notebook's trust; see the module comment. */
export type NotebookTrust =
  | { state: 'bundled'; hosts: NetworkHost[] }
  | {
      /** `asking` until the student agrees to run it, then `agreed`. */
      state: 'asking' | 'agreed';
      via: OutsideVia;
      /** The file's name, for a file. */
      name: string;
      /** SHA-256 of the text it was opened from. */
      hash: string;
      hosts: NetworkHost[];
    };

/** Where an outside notebook came from and the text it was opened from. */
export interface OutsideNotebook {
  via: OutsideVia;
  text: string;
}

/**
 * The trust of a notebook being opened: `bundled` when `outside` is undefined, else `agreed` or
 * `asking` as the student's consents say. `network` is the front matter's `network:`.
 */
export async function notebookTrust(
  name: string,
  network: readonly string[],
  outside: OutsideNotebook | undefined,
  consents: ConsentStore,
): Promise<NotebookTrust> {
  const hosts = network.flatMap((entry) => readNetworkHost(entry) ?? []);
  if (!outside) return { state: 'bundled', hosts };
  const hash = await notebookHash(outside.text);
  return { state: consents.has(hash) ? 'agreed' : 'asking', via: outside.via, name, hash, hosts };
}
