/**
 * Rendering a notebook's Markdown prose to an HTML string: CommonMark plus tables and
 * strikethrough (markdown-it), `$…$` and `$$…$$` math (KaTeX), and highlighted fenced code.
 * Exercise hints (```` ```hint for=… ````) render as nothing: their exercise reveals them.
 */
import katex from 'katex';
import MarkdownIt, { type MarkdownIt as Renderer } from 'markdown-it';
import katexPluginModule, { type MarkdownKatexOptions } from '@vscode/markdown-it-katex';
import { escapeHtml, highlightCode } from './highlight-code.ts';

type KatexPlugin = typeof katexPluginModule;

// The plugin is CommonJS with `exports.default`. Depending on the bundler's interop, the default
// import is the function itself or the module object holding it under `default`.
const katexPlugin: KatexPlugin =
  typeof katexPluginModule === 'function'
    ? katexPluginModule
    : (katexPluginModule as unknown as { default: KatexPlugin }).default;

/**
 * The app's own KaTeX (the version whose CSS the page loads) rather than the plugin's bundled
 * copy, typed as the plugin expects. The plugin passes its own options through to KaTeX; only
 * `displayMode` matters, and the KaTeX options are set here instead.
 */
const appKatex: NonNullable<MarkdownKatexOptions['katex']> = {
  version: katex.version,
  ParseError: katex.ParseError,
  render: (tex, element, options) => katex.render(tex, element, katexOptions(options?.displayMode)),
  renderToString: (tex, options) => katex.renderToString(tex, katexOptions(options?.displayMode)),
};

function katexOptions(displayMode: boolean | undefined): katex.KatexOptions {
  // throwOnError: false renders a bad formula as its error message (in red) instead of throwing.
  // strict: 'ignore' keeps KaTeX from logging LaTeX-compatibility warnings to the console.
  return {
    displayMode: displayMode ?? false,
    throwOnError: false,
    strict: 'ignore',
    output: 'htmlAndMathml',
  };
}

let renderer: Renderer | undefined;

/** Made on first use, not at import, so importing the document model alone does no work. */
function getRenderer(): Renderer {
  if (renderer !== undefined) return renderer;
  renderer = new MarkdownIt({
    // Raw HTML is allowed because notebook authors use it (e.g. <details>, <img>). This module does
    // NOT sanitise: the page passes all rendered HTML through DOMPurify before it reaches the DOM.
    html: true,
    // Fuzzy linkify would turn file names like model.py into links; authors write links explicitly.
    linkify: false,
    typographer: false,
    highlight: (code, lang) =>
      `<pre><code class="hljs language-${escapeHtml(lang)}">${highlightCode(code, lang)}</code></pre>`,
  });
  renderer.use(katexPlugin, { katex: appKatex, throwOnError: false });
  // An exercise's hints (```hint for=…) are shown by the exercise, one at a time, not in the prose.
  const fence = renderer.renderer.rules.fence;
  renderer.renderer.rules.fence = (tokens, idx, options, env, self) =>
    /^hint(\s|$)/.test(tokens[idx]?.info.trim() ?? '')
      ? ''
      : (fence?.(tokens, idx, options, env, self) ?? '');
  return renderer;
}

/**
 * Renders Markdown to an HTML string (unsanitised: raw HTML in the Markdown passes through).
 * Never throws; if rendering fails the source is returned escaped in a `<pre>`.
 */
export function renderMarkdown(source: string): string {
  try {
    return getRenderer().render(source);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return `<pre class="render-error" title="${escapeHtml(reason)}">${escapeHtml(source)}</pre>`;
  }
}
