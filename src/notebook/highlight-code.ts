/**
 * Syntax highlighting of code to HTML with highlight.js, for static code: fenced blocks in the
 * prose and the read-only view of TypeScript cells.
 *
 * Only highlight.js's core and the languages a data notebook is likely to show are bundled; the
 * full build registers ~190 languages and is several times larger.
 */
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import markdown from 'highlight.js/lib/languages/markdown';
import plaintext from 'highlight.js/lib/languages/plaintext';
import python from 'highlight.js/lib/languages/python';
import r from 'highlight.js/lib/languages/r';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';

let registered = false;

/**
 * Registers the languages on first use rather than at import, so importing `dplab/notebook` only
 * for the document model (as the worker does) has no side effects and bundlers can drop this.
 */
function register(): void {
  if (registered) return;
  registered = true;
  const languages = { bash, javascript, json, markdown, plaintext, python, r, sql, typescript, xml, yaml };
  for (const [name, language] of Object.entries(languages)) hljs.registerLanguage(name, language);
  // Built-in aliases cover ts, js, sh, py, yml, md, html, svg, text, txt; data files show as plain text.
  hljs.registerAliases(['csv', 'tsv'], { languageName: 'plaintext' });
}

/** Escapes text for use in HTML content and in double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Highlights code as HTML: spans with highlight.js classes (`hljs-keyword`, …) around escaped
 * text, without any wrapping element. An unknown or empty language gives the escaped text.
 * Never throws.
 */
export function highlightCode(code: string, lang: string): string {
  register();
  const name = lang.trim().toLowerCase();
  if (name === '' || hljs.getLanguage(name) === undefined) return escapeHtml(code);
  try {
    return hljs.highlight(code, { language: name, ignoreIllegals: true }).value;
  } catch {
    // highlight.js can throw on grammar edge cases; plain text is a fine fallback for a display.
    return escapeHtml(code);
  }
}
