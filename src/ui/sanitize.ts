/**
 * Every piece of HTML that reaches the page from a notebook or from the kernel passes through here.
 * Notebooks and datasets are untrusted input: DOMPurify removes scripts, `on*` handlers,
 * `javascript:` URLs and the like, while keeping the markup KaTeX and Observable Plot produce
 * (HTML, SVG, MathML, inline styles, `data:` images).
 */
import DOMPurify from 'dompurify';

// Links to other sites open in a new tab, so following one never loses the student's notebook.
// Plot names each mark's `<g>` with `aria-label` ("line", "x-axis tick"), which ARIA allows only on
// an element with a role: such a `<g>` becomes a group, so the name is kept and is valid. A labelled
// shape (a frame `<rect>`, a `<path>`) becomes an image for the same reason.
const SVG_SHAPES = new Set([
  'g',
  'rect',
  'path',
  'circle',
  'ellipse',
  'line',
  'polyline',
  'polygon',
  'text',
  'image',
  'use',
]);
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A' && /^https?:/i.test(node.getAttribute('href') ?? '')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
  if (SVG_SHAPES.has(node.nodeName) && node.hasAttribute('aria-label') && !node.hasAttribute('role')) {
    node.setAttribute('role', node.nodeName === 'g' ? 'group' : 'img');
  }
});

/** Sanitises Markdown rendered from a notebook. `<style>` is dropped so a notebook cannot restyle the app. */
export function sanitizeMarkdown(html: string): string {
  return DOMPurify.sanitize(html, {
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select'],
  });
}

/** Sanitises a chart or other markup made by a cell in the worker. Plot's scoped `<style>` is kept. */
export function sanitizeOutput(html: string): string {
  return DOMPurify.sanitize(html, { FORBID_TAGS: ['form', 'input', 'button', 'textarea', 'select'] });
}
