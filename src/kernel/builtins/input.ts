/**
 * The worker-side input object that `Inputs.range(…)` and friends return, and the three functions
 * the kernel uses on it.
 *
 * An input never touches the DOM: it describes a control ({@link InputSpec}) for the page to draw,
 * and turns what the page sends back ({@link InputValue}: a number, a string, a boolean, or option
 * indices) into the value cells see, which may be any object chosen with `valueof`.
 */
import { specValue, type InputSpec, type InputValue } from '../../protocol.ts';

/** How one kind of input reads the page's values; made by the `Inputs.*` factories. */
export interface InputKind {
  /** The spec with the default value. */
  spec: InputSpec;
  /** The page value, normalised (snapped to a step, say), or `undefined` if this spec cannot take it. */
  accept(pageValue: InputValue): InputValue | undefined;
  /** The spec showing `pageValue` (already accepted) as its value. */
  withValue(pageValue: InputValue): InputSpec;
  /** The value cells see for an accepted page value. */
  valueOf(pageValue: InputValue): unknown;
}

/**
 * An input created by a cell. Opaque to cells: the kernel shows it as a control and binds the
 * cell's name to its value.
 */
export class WorkerInput {
  readonly #kind: InputKind;

  constructor(kind: InputKind) {
    this.#kind = kind;
  }

  /** The control to draw, showing `stored` if this input can take it, else the default. */
  spec(stored?: InputValue): InputSpec {
    const value = this.accept(stored);
    return value === undefined ? this.#kind.spec : this.#kind.withValue(value);
  }

  /** `pageValue` normalised for this input, or `undefined` when it is missing or no longer fits. */
  accept(pageValue: InputValue | undefined): InputValue | undefined {
    if (pageValue === undefined) return undefined;
    try {
      return this.#kind.accept(pageValue);
    } catch {
      return undefined;
    }
  }

  /**
   * The value cells see for a page value; the default when it is missing or does not fit. Named
   * `valueOf` so that arithmetic on an input (`input * 2`) reads its default instead of `NaN`.
   */
  valueOf(pageValue?: InputValue): unknown {
    return this.#kind.valueOf(this.accept(pageValue) ?? specValue(this.#kind.spec));
  }

  /** The value before the user touches the control. */
  get defaultValue(): unknown {
    return this.valueOf();
  }

  toString(): string {
    return `[input ${this.#kind.spec.kind}]`;
  }
}

/** Whether `x` is an input made by `Inputs.*`. */
export function isInput(x: unknown): x is WorkerInput {
  return x instanceof WorkerInput;
}

/** The control to draw for `input`, showing `stored` when it still fits. */
export function inputSpec(input: WorkerInput, stored?: InputValue): InputSpec {
  return input.spec(stored);
}

/** The current value: the stored page value if given and still valid for this spec, else the default. */
export function inputValue(input: WorkerInput, stored?: InputValue): unknown {
  return input.valueOf(stored);
}

/** Drops `undefined` fields, so that specs compare with `toEqual` and clone without noise. */
export function clean<T extends object>(spec: T): T {
  for (const key of Object.keys(spec) as (keyof T)[]) if (spec[key] === undefined) delete spec[key];
  return spec;
}

/** Throws the error message every input uses for a bad option: `Inputs.range: step must be …`. */
export function fail(name: string, message: string): never {
  throw new TypeError(`Inputs.${name}: ${message}`);
}

/** Short text of a bad option value for error messages. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
}

/** Options must be an object (or absent); anything else is a misplaced argument. */
export function optionsOf<T extends object>(name: string, options: T | undefined): Partial<T> {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    fail(name, `options must be an object like {label: "…"}, got ${show(options)}`);
  }
  return options;
}

/** A label is plain text on the page. */
export function labelOf(name: string, label: unknown): string | undefined {
  if (label === undefined || label === null) return undefined;
  if (typeof label === 'string' || typeof label === 'number') return String(label);
  return fail(name, `label must be a string, got ${show(label)}`);
}

/** `disabled` is a yes/no here: per-option disabling is not supported. */
export function disabledOf(name: string, disabled: unknown): boolean | undefined {
  if (disabled === undefined) return undefined;
  if (typeof disabled === 'boolean') return disabled;
  return fail(name, `disabled must be true or false, got ${show(disabled)}`);
}
