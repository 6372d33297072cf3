/**
 * The modules a cell may `import`: the bundled libraries and the project's own library as
 * `dplab/<module>`. Each is a lazy import, so a module is loaded the first time a cell asks for it
 * (or when a spare worker warms up).
 */
import { withSafePalette } from './display/plot-palette.ts';

// The library folders that cells may import as `dplab/<folder>`. The notebook model, runtime,
// kernel and UI are the app itself, not a library for lessons.
const library = import.meta.glob<Record<string, unknown>>(
  '../{stats,classify,forecast,recommend,simulate,data,decide,responsible}/index.ts',
);

const bundled: Record<string, () => Promise<unknown>> = {
  arquero: () => import('arquero'),
  // Plot with colour-blind-safe default colours for categories (see display/plot-palette.ts).
  '@observablehq/plot': () => import('@observablehq/plot').then(withSafePalette),
};

for (const [path, load] of Object.entries(library)) {
  const name = /^\.\.\/([a-z-]+)\/index\.ts$/.exec(path)?.[1];
  if (name) bundled[`dplab/${name}`] = load;
}

/** Specifiers a cell can import, for messages and the editor. */
export const moduleNames: readonly string[] = Object.keys(bundled).sort();

/** Loads a module for a cell's `import`, or says which ones exist. */
export async function importModule(specifier: string): Promise<unknown> {
  const load = bundled[specifier];
  if (!load) {
    throw new Error(
      `Cannot import "${specifier}": cells can import ${moduleNames.map((m) => `"${m}"`).join(', ')}.`,
    );
  }
  return load();
}
