/**
 * `Inputs.range` and `Inputs.number`, with Observable Inputs' signatures and defaults: a range
 * starts in the middle of its extent, snapped to its step; a number starts empty (`undefined`)
 * unless given a value. Unlike Observable, a reversed extent is an error rather than a hidden
 * negating transform, because in a course notebook it is far more often a typo.
 */
import type { InputSpec } from '../../protocol.ts';
import { WorkerInput, clean, disabledOf, fail, labelOf, optionsOf, show } from './input.ts';

/** Options of `Inputs.range`. */
export interface RangeOptions {
  /** Initial value; defaults to the middle of the extent. Clamped into the extent and snapped to `step`. */
  value?: number;
  /** Interval between values; any precision when absent. */
  step?: number;
  label?: string;
  disabled?: boolean;
}

/** Options of `Inputs.number`. */
export interface NumberOptions {
  /** Initial value; empty (`undefined`) when absent. */
  value?: number;
  step?: number;
  label?: string;
  placeholder?: string;
  disabled?: boolean;
}

type Extent = readonly [min?: number | null, max?: number | null];

/** A slider with a number beside it, choosing a number in `[min, max]` (default `[0, 1]`). */
export function range(extent: Extent = [0, 1], options?: RangeOptions): WorkerInput {
  const o = optionsOf('range', options);
  if (!Array.isArray(extent)) fail('range', `extent must be [min, max], got ${show(extent)}`);
  const min = bound('range', 'min', extent[0]) ?? fail('range', 'min is missing from [min, max]');
  const max = bound('range', 'max', extent[1]) ?? fail('range', 'max is missing from [min, max]');
  if (!(min < max)) fail('range', `min (${min}) must be less than max (${max})`);
  const step = stepOf('range', o.step);
  const value = valueOption('range', o.value) ?? (min + max) / 2;
  const snap = (v: number): number => snapToStep(Math.max(min, Math.min(max, v)), min, max, step);
  const spec: InputSpec = clean({
    kind: 'range',
    label: labelOf('range', o.label),
    min,
    max,
    step,
    value: snap(value),
    disabled: disabledOf('range', o.disabled),
  });
  return new WorkerInput({
    spec,
    accept: (v) => (typeof v === 'number' && v >= min && v <= max ? snap(v) : undefined),
    withValue: (v) => ({ ...spec, value: v as number }),
    valueOf: (v) => v,
  });
}

/** A number field. `Inputs.number(options)` and `Inputs.number([min, max], options)` both work. */
export function number(extent?: Extent | NumberOptions, options?: NumberOptions): WorkerInput {
  if (options === undefined && extent !== undefined && !Array.isArray(extent)) {
    return number(undefined, extent as NumberOptions);
  }
  const o = optionsOf('number', options);
  const [lo, hi] = (extent ?? []) as Extent;
  const min = bound('number', 'min', lo);
  const max = bound('number', 'max', hi);
  if (min !== undefined && max !== undefined && min > max) {
    fail('number', `min (${min}) must not be greater than max (${max})`);
  }
  const step = stepOf('number', o.step);
  const value = valueOption('number', o.value);
  if (value !== undefined && ((min !== undefined && value < min) || (max !== undefined && value > max))) {
    fail('number', `value (${value}) must be between min and max`);
  }
  const spec: InputSpec = {
    kind: 'number',
    label: labelOf('number', o.label),
    min,
    max,
    step,
    // An empty field: NaN on the wire (it survives structured clone), `undefined` for cells.
    value: value ?? NaN,
    placeholder: o.placeholder === undefined ? undefined : String(o.placeholder),
    disabled: disabledOf('number', o.disabled),
  };
  const fits = (v: number): boolean => (min === undefined || v >= min) && (max === undefined || v <= max);
  return new WorkerInput({
    spec: clean(spec),
    accept: (v) => (typeof v === 'number' && (Number.isNaN(v) || fits(v)) ? v : undefined),
    withValue: (v) => clean({ ...spec, value: v as number }),
    valueOf: (v) => (Number.isNaN(v) ? undefined : v),
  });
}

function bound(name: string, which: string, x: unknown): number | undefined {
  if (x === undefined || x === null) return undefined;
  if (typeof x !== 'number' || !Number.isFinite(x))
    fail(name, `${which} must be a finite number, got ${show(x)}`);
  return x;
}

function stepOf(name: string, step: unknown): number | undefined {
  if (step === undefined) return undefined;
  if (typeof step !== 'number' || !(step > 0) || !Number.isFinite(step)) {
    fail(name, `step must be a positive number, got ${show(step)}`);
  }
  return step;
}

function valueOption(name: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    fail(name, `value must be a finite number, got ${show(value)}`);
  }
  return value;
}

/**
 * Snaps like `<input type=range>`: to `min + k·step`, never above `max`, and without binary noise
 * (`0.1 · 3` must read `0.3`, as the browser's own slider shows it).
 */
export function snapToStep(v: number, min: number, max: number, step: number | undefined): number {
  if (step === undefined) return v;
  let k = Math.round((v - min) / step);
  if (min + k * step > max) k = Math.floor((max - min) / step);
  const digits = Math.min(15, Math.max(decimals(step), decimals(min)));
  return Number((min + k * step).toFixed(digits));
}

/** Digits after the decimal point in `x`'s shortest text (`1e-7` has 7). */
function decimals(x: number): number {
  const [mantissa, exponent = '0'] = String(x).split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
}
