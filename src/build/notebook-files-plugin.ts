/**
 * A Vite plugin that ships the bundled notebooks and datasets with the app.
 *
 * - `virtual:notebook-index` is the sidebar's list: file, title, summary, order, tags and exercises of every
 *   `notebooks/*.md`, read from their front matter at build time (so the page does not have to fetch
 *   and parse every notebook to draw the sidebar).
 * - `notebooks/*.md` and `datasets/*` are served as they are by the dev server and copied into the
 *   build, so a notebook is fetched only when it is opened and datasets only when a cell reads them.
 * - `notebooks/<file>.md.json` is the notebook prepared for display (parsed, prose and code rendered
 *   to HTML; see `prepareNotebook`), so the page shows a bundled notebook without loading a
 *   Markdown parser, KaTeX or a highlighter first.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import { parseNotebook } from '../notebook/parse-notebook.ts';
import { prepareNotebook } from '../notebook/prepare-notebook.ts';
import { findExercises } from '../learn/exercises.ts';

/** One entry of the sidebar's notebook list. */
export interface NotebookIndexEntry {
  /** File name under `notebooks/`, e.g. `00-welcome.md`. */
  file: string;
  title: string;
  summary?: string;
  order?: number;
  tags?: string[];
  /** The notebook's exercises (id and title), for the course's progress page. */
  exercises: { id: string; title: string }[];
}

const VIRTUAL_ID = 'virtual:notebook-index';
const RESOLVED_ID = '\0' + VIRTUAL_ID;

/** Reads every notebook's front matter; a notebook without a title is listed under its file name. */
export function readNotebookIndex(dir: string): NotebookIndexEntry[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md');
  const entries = files.map((file): NotebookIndexEntry => {
    const notebook = parseNotebook(readFileSync(join(dir, file), 'utf8'));
    const { meta } = notebook;
    const exercises = findExercises(notebook).exercises.map(({ id, title }) => ({ id, title }));
    return {
      file,
      title: meta.title ?? file,
      summary: meta.summary,
      order: meta.order,
      tags: meta.tags,
      exercises,
    };
  });
  return entries.sort(
    (a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || a.file.localeCompare(b.file),
  );
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

const contentTypes: Record<string, string> = {
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};

/** The prepared form of a notebook file, as JSON. */
function preparedJson(path: string): string {
  return JSON.stringify(prepareNotebook(readFileSync(path, 'utf8')));
}

/** The plugin; `root` is the project folder holding `notebooks/` and `datasets/`. */
export function notebookFiles(root: string): Plugin {
  const folders = ['notebooks', 'datasets'];
  return {
    name: 'dplab-notebook-files',
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      return `export default ${JSON.stringify(readNotebookIndex(join(root, 'notebooks')))};`;
    },
    configureServer(server) {
      server.watcher.add(folders.map((f) => join(root, f)));
      server.watcher.on('change', (path) => {
        if (!relative(root, path).startsWith('notebooks')) return;
        const mod = server.moduleGraph.getModuleById(RESOLVED_ID);
        if (mod) server.moduleGraph.invalidateModule(mod);
      });
      server.middlewares.use((req, res, next) => {
        const url = decodeURIComponent((req.url ?? '').split('?')[0]);
        const match = /^\/(notebooks|datasets)\/([^/]+)$/.exec(url);
        if (!match || match[2].startsWith('.')) return next();
        const prepared = match[1] === 'notebooks' && match[2].endsWith('.md.json');
        const path = join(root, match[1], prepared ? match[2].slice(0, -'.json'.length) : match[2]);
        try {
          const body = prepared ? preparedJson(path) : readFileSync(path);
          const ext = match[2].split('.').pop() ?? '';
          res.setHeader('Content-Type', contentTypes[ext] ?? 'application/octet-stream');
          res.setHeader('Cache-Control', 'no-cache');
          res.end(body);
        } catch {
          next();
        }
      });
    },
    generateBundle() {
      for (const folder of folders) {
        for (const path of listFiles(join(root, folder))) {
          const fileName = relative(root, path);
          this.emitFile({ type: 'asset', fileName, source: readFileSync(path) });
          if (folder === 'notebooks' && path.endsWith('.md')) {
            this.emitFile({ type: 'asset', fileName: `${fileName}.json`, source: preparedJson(path) });
          }
        }
      }
    },
  };
}
