import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { notebookFiles } from './src/build/notebook-files-plugin.ts';
import { editorTypes } from './src/build/editor-types-plugin.ts';
import { kernelSandbox } from './src/build/kernel-sandbox-plugin.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const src = fileURLToPath(new URL('./src/', import.meta.url));

export default defineConfig({
  // Relative asset URLs, so the built app works from any folder it is served from.
  base: './',
  plugins: [notebookFiles(root), editorTypes(root), kernelSandbox(root)],
  resolve: {
    // `dplab/<module>` is the project's own library, as cells and tools import it.
    alias: [{ find: /^dplab\/([a-z-]+)$/, replacement: `${src}$1/index.ts` }],
  },
  // Workers are single classic scripts: the kernel's is started from a blob: URL inside its sandbox
  // (src/kernel/sandbox/), which can load nothing else from the app, and Chromium starts no module
  // worker from a blob: URL of an opaque origin.
  worker: { format: 'iife', rolldownOptions: { output: { codeSplitting: false } } },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  server: { port: 5173 },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          // One browser at a time: the machine has two cores and the kernel needs one.
          fileParallelism: false,
        },
      },
    ],
  },
});
