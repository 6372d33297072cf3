/**
 * Static tips (`Plot.tip(data, …)`) drawn in the worker.
 *
 * Plot renders a tip hidden, then lays it out in an animation frame, once the chart is on the
 * page and `getBBox()` can measure its text. In the worker that frame comes too late (the chart
 * is already serialised) and, where a worker has `requestAnimationFrame` (Chrome does), the
 * layout then throws because linkedom has no `getBBox`. So while a tip renders we catch the frame
 * callback, give each tip an estimated text box, and run the layout at once: the tip comes out
 * visible, with its callout path and anchor chosen by Plot's own code.
 */

/** The tip mark class, as Plot exports it (`Plot.Tip`). */
interface TipClass {
  prototype: { render: (...args: never[]) => unknown };
}

const PATCHED = Symbol.for('dplab.staticTips');

/** Makes `Tip` lay out its tips synchronously. Idempotent. */
export function installStaticTips(Tip: TipClass): void {
  const proto = Tip.prototype as TipClass['prototype'] & { [PATCHED]?: true };
  if (proto[PATCHED]) return;
  const render = proto.render;
  proto.render = function (this: unknown, ...args: never[]): unknown {
    const frames: ((time: number) => void)[] = [];
    const node = withFrameTrap(frames, () => render.apply(this, args));
    if (frames.length > 0 && isElement(node)) {
      for (const tip of Array.from(node.children)) measureTip(tip, fontSize(node));
      for (const frame of frames) {
        try {
          frame(0);
        } catch {
          // Layout failed: Plot leaves the tip hidden, as it would in any server-side render.
        }
      }
    }
    return node;
  };
  proto[PATCHED] = true;
}

/** Runs `f` with a `requestAnimationFrame` that only collects callbacks, then restores the real one. */
function withFrameTrap<T>(frames: ((time: number) => void)[], f: () => T): T {
  const own = Object.getOwnPropertyDescriptor(globalThis, 'requestAnimationFrame');
  Object.defineProperty(globalThis, 'requestAnimationFrame', {
    configurable: true,
    writable: true,
    value: (callback: (time: number) => void) => frames.push(callback),
  });
  try {
    return f();
  } finally {
    if (own) Object.defineProperty(globalThis, 'requestAnimationFrame', own);
    else Reflect.deleteProperty(globalThis, 'requestAnimationFrame');
  }
}

function isElement(node: unknown): node is Element {
  return typeof node === 'object' && node !== null && (node as Partial<Element>).nodeType === 1;
}

/** The tips' font size in pixels: the mark's `font-size` attribute, else Plot's default of 10. */
function fontSize(mark: Element): number {
  const size = parseFloat(mark.getAttribute('font-size') ?? '');
  return Number.isFinite(size) && size > 0 ? size : 10;
}

/**
 * Gives one tip (`<g><path/><text><tspan>line</tspan>…</text></g>`) a `getBBox` estimated from its
 * text: one line per top-level tspan, one em high each, widths from typical glyph widths.
 */
function measureTip(tip: Element, size: number): void {
  const text = tip.lastElementChild;
  const lines = text ? Array.from(text.children).filter((line) => line.localName === 'tspan') : [];
  const width = Math.max(0, ...lines.map((line) => textWidth(line.textContent ?? '') * size));
  const height = lines.length * size;
  Object.defineProperty(tip, 'getBBox', { configurable: true, value: () => ({ x: 0, y: 0, width, height }) });
}

/** The width of a line of sans-serif text in ems, from rough glyph classes. */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text.replace(/\u200b/g, '')) {
    if (/[ijlI.,:;'|!]/.test(char)) width += 0.28;
    else if (/[ frt()[\]-]/.test(char)) width += 0.35;
    else if (/[mwMW@%]/.test(char)) width += 0.85;
    else if (/[A-Z]/.test(char)) width += 0.66;
    else if (char.codePointAt(0)! > 0x2e80)
      width += 1; // CJK and emoji are about square
    else width += 0.56;
  }
  return width;
}
