/**
 * A Vite plugin for the kernel's sandbox (see `src/kernel/sandbox/`).
 *
 * - `kernel-sandbox.html` is the document the page loads in a sandboxed iframe to run the kernel
 *   in: the frame's script (`sandbox-frame.ts`, stripped of its types), inline, under a
 *   Content-Security-Policy that allows exactly that script by its SHA-256 hash (`sandbox-csp.ts`).
 * - `virtual:kernel-worker` is the URL of the kernel worker's script as one classic script, which
 *   the page fetches and hands to the sandbox. The build makes it (`worker.ts?worker&url`, with
 *   `worker.format: 'iife'`); the dev server, which serves workers as ES modules with imports,
 *   bundles it on first request into one script of its own, again after a source file changes.
 *
 * It has to be a document of its own, fetched from the app's folder, rather than an `srcdoc` or a
 * blob: document made by the page: those inherit the page's policy container (HTML, "Policy
 * containers": srcdoc and local-scheme documents inherit it), and with it the page's ban on `eval`,
 * which the kernel needs in its worker.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transform } from 'sucrase';
import type { Plugin, ResolvedConfig } from 'vite';
import { sandboxDocumentPolicy } from '../kernel/sandbox/sandbox-csp.ts';

/** Where the page finds the sandbox document, relative to the app's folder. */
export const SANDBOX_FILE = 'kernel-sandbox.html';

/** The sandbox document for the frame script at `scriptPath`. */
export function sandboxDocument(scriptPath: string): string {
  const script = transform(readFileSync(scriptPath, 'utf8'), {
    transforms: ['typescript'],
    disableESTransforms: true,
  }).code.trim();
  // `</script` inside the script would end the element early; the frame's code has none.
  if (/<\/script/i.test(script)) throw new Error(`${scriptPath} must not contain "</script"`);
  const hash = createHash('sha256').update(script).digest('base64');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8" />',
    `<meta http-equiv="Content-Security-Policy" content="${sandboxDocumentPolicy(hash)}" />`,
    '<title>Notebook kernel sandbox</title>',
    `<script>${script}</script>`,
    '</head>',
    '</html>',
    '',
  ].join('\n');
}

const VIRTUAL_ID = 'virtual:kernel-worker';
const RESOLVED_ID = '\0' + VIRTUAL_ID;
/** Where the dev server serves the bundled kernel worker. */
const DEV_WORKER = '/@dplab/kernel-worker.js';

/** The kernel worker bundled as one classic script, for the dev server. */
async function bundleWorker(config: ResolvedConfig, entry: string): Promise<string> {
  const { build } = await import('vite');
  const output = await build({
    configFile: false,
    root: config.root,
    logLevel: 'warn',
    resolve: { alias: config.resolve.alias },
    define: { 'process.env.NODE_ENV': '"development"' },
    build: {
      write: false,
      minify: false,
      lib: { entry, formats: ['iife'], name: 'dplabKernel' },
      rolldownOptions: { output: { codeSplitting: false } },
    },
  });
  const chunk = [output]
    .flat()
    .flatMap((o) => ('output' in o ? o.output : []))
    .find((c) => c.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('bundling the kernel worker produced no script');
  return chunk.code;
}

/** The plugin; `root` is the project folder. */
export function kernelSandbox(root: string): Plugin {
  const scriptPath = join(root, 'src/kernel/sandbox/sandbox-frame.ts');
  const workerEntry = join(root, 'src/kernel/worker.ts');
  let config: ResolvedConfig;
  let devWorker: Promise<string> | undefined;
  return {
    name: 'dplab-kernel-sandbox',
    configResolved(resolved) {
      config = resolved;
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      if (config.command === 'serve') return `export default ${JSON.stringify(DEV_WORKER)};`;
      return `export { default } from ${JSON.stringify(`${workerEntry}?worker&url`)};`;
    },
    configureServer(server) {
      server.watcher.on('change', (path) => {
        if (path.startsWith(join(root, 'src'))) devWorker = undefined;
      });
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0];
        if (path === `/${SANDBOX_FILE}`) {
          res.setHeader('Content-Type', 'text/html; charset=utf-8');
          res.setHeader('Cache-Control', 'no-cache');
          res.end(sandboxDocument(scriptPath));
          return;
        }
        if (path !== DEV_WORKER) return next();
        devWorker ??= bundleWorker(config, workerEntry);
        devWorker.then(
          (code) => {
            res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
            res.setHeader('Cache-Control', 'no-cache');
            res.end(code);
          },
          (error: unknown) => {
            devWorker = undefined;
            next(error);
          },
        );
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: SANDBOX_FILE, source: sandboxDocument(scriptPath) });
    },
  };
}
