/**
 * What the production build contains: every JavaScript file with its raw and gzipped size
 * (gzip level 9, computed here rather than trusted from the server), and the kernel worker's
 * module graph (`assets/worker-*.js` and every chunk it imports, statically or with `import()`).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

/** Relative `./x.js` / `../x.js` specifiers a built chunk refers to (imports, `import()`, `new URL`). */
function chunkReferences(code) {
  const refs = new Set();
  for (const match of code.matchAll(/["'`](\.{1,2}\/[\w./-]+\.js)["'`]/g)) refs.add(match[1]);
  // A worker is started as `new URL("worker-….js", import.meta.url)`: no leading `./`.
  for (const match of code.matchAll(/new URL\(\s*["'`]([\w.-]+\.js)["'`]/g)) refs.add(`./${match[1]}`);
  return [...refs];
}

/**
 * @param {string} outDir the build's output folder
 * @returns {{ files: Map<string, { raw: number, gzip: number }>, worker: { entry: string, files: string[] } }}
 *   `files` is keyed by path relative to `outDir`, with `/` separators (as in URLs).
 */
export function readBuildOutput(outDir) {
  const files = new Map();
  const code = new Map();
  for (const path of listFiles(outDir)) {
    if (!path.endsWith('.js')) continue;
    const key = relative(outDir, path).split(sep).join('/');
    const bytes = readFileSync(path);
    files.set(key, { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
    code.set(key, bytes.toString('utf8'));
  }

  const workers = [...files.keys()].filter((key) => /^assets\/worker-[\w-]+\.js$/.test(key));
  if (workers.length !== 1) {
    throw new Error(
      `expected exactly one assets/worker-*.js in ${outDir}, found ${workers.length}: ${workers.join(', ')}`,
    );
  }
  const entry = workers[0];
  // The worker's graph: follow references from the worker entry, within the build output.
  const graph = new Set([entry]);
  const todo = [entry];
  while (todo.length > 0) {
    const from = todo.pop();
    const dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/') + 1) : '';
    for (const ref of chunkReferences(code.get(from))) {
      const target = new URL(ref, `file:///${dir}`).pathname.slice(1);
      if (files.has(target) && !graph.has(target)) {
        graph.add(target);
        todo.push(target);
      }
    }
  }
  return { files, worker: { entry, files: [...graph] } };
}
