/**
 * The input check shared by the statistics in this folder: a non-empty series of finite numbers,
 * with an error that names the function and the offending observation.
 */

/** Copies `values` into an array after checking it is non-empty and finite. */
export function checkValues(values: ArrayLike<number>, what: string, minLength = 1): number[] {
  const x = Array.from(values);
  if (x.length < minLength) {
    throw new RangeError(
      `${what} needs at least ${minLength} observation${minLength === 1 ? '' : 's'}, got ${x.length}`,
    );
  }
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) {
      throw new RangeError(
        `observation ${i + 1} is ${x[i]}: ${what} needs finite numbers; fill or drop missing values first`,
      );
    }
  }
  return x;
}
