#!/usr/bin/env node
// The `dplab` command. The CLI is TypeScript, like the library it runs; tsx compiles it on load,
// so `npx dplab …` works right after `npm ci` without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
