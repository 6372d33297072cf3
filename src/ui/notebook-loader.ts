/**
 * Gets a notebook ready to show. A bundled notebook comes prepared by the build
 * (`notebooks/<file>.md.json`); a notebook the student opens is prepared here, with the parser,
 * KaTeX and the highlighter loaded only then.
 */
import type { PreparedNotebook } from '../notebook/prepare-notebook.ts';

/** Fetches a bundled notebook, prepared at build time. */
export async function loadBundledNotebook(name: string): Promise<PreparedNotebook> {
  const response = await fetch(new URL(`notebooks/${encodeURIComponent(name)}.json`, document.baseURI));
  if (!response.ok) {
    throw new Error(
      response.status === 404 ? 'there is no such notebook' : `the server answered ${response.status}`,
    );
  }
  return (await response.json()) as PreparedNotebook;
}

/** Prepares a notebook from its text (a file the student opened). */
export async function prepareNotebookText(text: string): Promise<PreparedNotebook> {
  const { prepareNotebook } = await import('../notebook/prepare-notebook.ts');
  return prepareNotebook(text);
}
