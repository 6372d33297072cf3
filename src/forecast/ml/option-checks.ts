/** The checks of the tree models' numeric options; the message names the option and what it must be. */

/** Checks a whole-number option. */
export function wholeOption(model: string, name: string, v: number, min: number): number {
  if (!Number.isInteger(v) || v < min)
    throw new RangeError(`invalid ${model}.${name}: ${v} (must be a whole number ≥ ${min})`);
  return v;
}

/** Checks a fraction option in (0, 1]. */
export function fractionOption(model: string, name: string, v: number): number {
  if (!(v > 0 && v <= 1)) throw new RangeError(`invalid ${model}.${name}: ${v} (must be in (0, 1])`);
  return v;
}
