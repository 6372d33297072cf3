/**
 * The charts' default colours for categories: the Okabe–Ito palette (Okabe & Ito 2008, "Color
 * Universal Design"), whose eight colours stay apart for the common colour-vision deficiencies,
 * instead of Plot's `observable10`, which was not made for that.
 *
 * Plot has no option for its default categorical scheme, and a module's namespace cannot be patched,
 * so cells get Plot through {@link withSafePalette}: the same module with `plot` wrapped (and
 * `Mark.prototype.plot`, which `Plot.lineY(…).plot()` and `Plot.marks(…).plot()` call). A chart whose
 * colour scale turns out categorical with no scheme, range or interpolator given is drawn again with
 * this palette as its range; every other chart is drawn once, unchanged.
 *
 * Ordered by contrast: the first four reach 3:1 (WCAG 1.4.11, non-text contrast) on both the light
 * (#ffffff) and the dark (#0d1117) page; the last is `currentColor`, the text's colour in either
 * theme, where Okabe and Ito have black.
 */
type PlotModule = typeof import('@observablehq/plot');
type PlotOptions = NonNullable<Parameters<PlotModule['plot']>[0]>;

export const categoricalPalette: readonly string[] = [
  '#0072B2', // blue            5.2:1 on white, 3.7:1 on the dark page
  '#D55E00', // vermillion      3.9, 4.9
  '#009E73', // bluish green    3.4, 5.5
  '#CC79A7', // reddish purple  3.1, 6.2
  '#E69F00', // orange          2.3, 8.4
  '#56B4E9', // sky blue        2.3, 8.2
  '#F0E442', // yellow          1.3, 14.3
  'currentColor',
];

/** Plot's default categorical colours (`observable10`, Plot ≥ 0.6.16). */
const observable10 = [
  '#4269d0',
  '#efb118',
  '#ff725c',
  '#6cc5b0',
  '#3ca951',
  '#ff8ab7',
  '#a463f2',
  '#97bbf5',
  '#9c6b4e',
  '#9498a0',
];

function isObservable10(range: unknown): boolean {
  return (
    Array.isArray(range) &&
    range.length === observable10.length &&
    range.every((c, i) => c === observable10[i])
  );
}

const wrapped = new WeakMap<object, PlotModule>();
const PATCHED = Symbol.for('dplab.safePalette');

/** Whether the chart's colour options leave the categorical colours to Plot's default. */
function leavesDefault(color: PlotOptions['color']): boolean {
  if (color == null) return true;
  if (typeof color !== 'object') return false;
  const c = color as { scheme?: unknown; range?: unknown; interpolate?: unknown };
  return c.scheme === undefined && c.range === undefined && c.interpolate === undefined;
}

/** `plot` that draws categorical colours with {@link categoricalPalette} unless told otherwise. */
function safePlot(plot: PlotModule['plot']): PlotModule['plot'] {
  return (options: PlotOptions = {}) => {
    const chart = plot(options);
    if (!leavesDefault(options.color)) return chart;
    // Plot reports a categorical scale as `ordinal`; its default range tells the two apart
    // (an ordered ordinal scale defaults to a `turbo` ramp).
    const range = chart.scale('color')?.range;
    if (!isObservable10(range)) return chart;
    const color = typeof options.color === 'object' && options.color !== null ? options.color : {};
    return plot({ ...options, color: { ...color, range: [...categoricalPalette] } });
  };
}

/** Plot as cells see it: the real module with {@link safePlot} as `plot`. */
export function withSafePalette(module: PlotModule): PlotModule {
  let safe = wrapped.get(module);
  if (safe) return safe;
  const plot = safePlot(module.plot);
  const proto = module.Mark.prototype as unknown as Record<string | symbol, unknown>;
  if (!proto[PATCHED]) {
    // As Plot's own `Mark.prototype.plot`: the mark goes last, after any marks passed in.
    proto.plot = function (this: unknown, { marks = [], ...options }: PlotOptions = {}) {
      return plot({ ...options, marks: [...(marks as unknown[]), this] as PlotOptions['marks'] });
    };
    proto[PATCHED] = true;
  }
  safe = Object.freeze({ ...module, plot }) as PlotModule;
  wrapped.set(module, safe);
  return safe;
}
