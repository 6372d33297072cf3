/**
 * `Inputs`: the controls a cell can show, with Observable Inputs' signatures, made in the worker.
 *
 * `view(Inputs.range([0, 10], {step: 1}))` shows a slider on the page and returns its value; the
 * kernel reruns the cell when the student moves it. Only the options that make sense without a
 * DOM are supported (no `transform`, `width`, `validate`, or HTML labels); unknown options are
 * ignored, as Observable does, and bad values of known ones throw a `TypeError` naming the input.
 */
import type { InputSpec } from '../../protocol.ts';
import { WorkerInput, clean, disabledOf, fail, labelOf, optionsOf, show } from './input.ts';
import { checkbox, radio, select } from './inputs-choice.ts';
import { number, range } from './inputs-number.ts';

export type { ChoiceOptions, SelectOptions } from './inputs-choice.ts';
export type { NumberOptions, RangeOptions } from './inputs-number.ts';
export { WorkerInput, inputSpec, inputValue, isInput } from './input.ts';

/** Options of `Inputs.text`. */
export interface TextOptions {
  label?: string;
  /** Initial text; default `""`. */
  value?: string;
  placeholder?: string;
  disabled?: boolean;
}

/** Options of `Inputs.toggle`. */
export interface ToggleOptions {
  label?: string;
  /** Initially on? Default `false`; with `values`, one of the two values. */
  value?: unknown;
  /** The values when on and when off, `[on, off]`; default `[true, false]`. */
  values?: readonly [unknown, unknown];
  disabled?: boolean;
}

/** A single-line text field. */
export function text(options?: TextOptions): WorkerInput {
  const o = optionsOf('text', options);
  const value = o.value ?? '';
  if (typeof value !== 'string' && typeof value !== 'number') {
    fail('text', `value must be a string, got ${show(value)}`);
  }
  const spec: InputSpec = clean({
    kind: 'text',
    label: labelOf('text', o.label),
    value: String(value),
    placeholder: o.placeholder === undefined ? undefined : String(o.placeholder),
    disabled: disabledOf('text', o.disabled),
  });
  return new WorkerInput({
    spec,
    accept: (v) => (typeof v === 'string' ? v : undefined),
    withValue: (v) => ({ ...spec, value: v as string }),
    valueOf: (v) => v,
  });
}

/** An on/off switch (a checkbox). */
export function toggle(options?: ToggleOptions): WorkerInput {
  const o = optionsOf('toggle', options);
  const values = o.values;
  if (values !== undefined && (!Array.isArray(values) || values.length !== 2)) {
    fail('toggle', `values must be [on, off], got ${show(values)}`);
  }
  let on = false;
  if (o.value !== undefined) {
    if (values) {
      if (!values.some((v) => Object.is(v, o.value))) {
        fail('toggle', `value (${show(o.value)}) must be one of values [on, off]`);
      }
      on = Object.is(values[0], o.value);
    } else if (typeof o.value === 'boolean') on = o.value;
    else fail('toggle', `value must be true or false, got ${show(o.value)}`);
  }
  const spec: InputSpec = clean({
    kind: 'toggle',
    label: labelOf('toggle', o.label),
    value: on,
    disabled: disabledOf('toggle', o.disabled),
  });
  return new WorkerInput({
    spec,
    accept: (v) => (typeof v === 'boolean' ? v : undefined),
    withValue: (v) => ({ ...spec, value: v as boolean }),
    valueOf: (v) => (values ? values[v ? 0 : 1] : v),
  });
}

/** The controls cells use, as `Inputs.range(…)`, `Inputs.select(…)`, … */
export const Inputs = Object.freeze({ range, number, text, toggle, select, radio, checkbox });
