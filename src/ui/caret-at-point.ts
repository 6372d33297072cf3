/**
 * Where in a block of code a click landed, as a 1-based line and column, so the editor that
 * replaces the plain code view can put its cursor where the student clicked.
 */

/** The line and column of the character under the point (x, y) inside `element`, if any. */
export function caretAtPoint(
  element: Element,
  x: number,
  y: number,
): { lineNumber: number; column: number } | undefined {
  // `caretPositionFromPoint` is the standard; Chromium before 128 only has `caretRangeFromPoint`.
  const doc = element.ownerDocument as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  let node: Node | undefined;
  let offset = 0;
  const position = doc.caretPositionFromPoint?.(x, y);
  if (position) {
    node = position.offsetNode;
    offset = position.offset;
  } else {
    const range = doc.caretRangeFromPoint?.(x, y);
    if (range) {
      node = range.startContainer;
      offset = range.startOffset;
    }
  }
  if (!node || !element.contains(node) || node.nodeType !== Node.TEXT_NODE) return undefined;
  // The text before the caret: every text node before it in document order, then part of its own.
  let before = '';
  const walker = doc.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text && text !== node; text = walker.nextNode()) {
    before += text.textContent ?? '';
  }
  before += (node.textContent ?? '').slice(0, offset);
  const lines = before.split('\n');
  return { lineNumber: lines.length, column: lines[lines.length - 1].length + 1 };
}
