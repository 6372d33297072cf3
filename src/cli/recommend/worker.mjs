// Entry of a `dplab recommend` worker thread: the worker code is TypeScript, compiled on load by tsx
// as the CLI itself is (worker threads do not inherit the main thread's loader).
import { register } from 'tsx/esm/api';

register();
await import('./worker-thread.ts');
