/**
 * Whether a series is constant in the sense of forecast 8.20's `is.constant`, which `ndiffs` and
 * `nsdiffs` use to stop differencing: `isTRUE(all.equal(x, rep(x[1], n)))`, i.e. over the values that
 * differ from the first, the mean of |x_i − x_1| is at most 1.5e-8 (√ε) times the mean of |x_i|
 * (or 1.5e-8 absolute when that mean is itself below 1.5e-8).
 */

/** √(machine ε), `all.equal`'s default tolerance. */
const tolerance = Math.sqrt(Number.EPSILON);

/** True when `x` is empty or constant up to R's `all.equal` tolerance. */
export function isConstant(x: ArrayLike<number>): boolean {
  const first = x[0];
  let count = 0;
  let sumDiff = 0;
  let sumAbs = 0;
  for (let i = 0; i < x.length; i++) {
    if (x[i] === first) continue;
    count++;
    sumDiff += Math.abs(x[i] - first);
    sumAbs += Math.abs(x[i]);
  }
  if (count === 0) return true;
  let scale = sumAbs / count;
  if (!(Number.isFinite(scale) && scale > tolerance)) scale = 1;
  const meanDifference = sumDiff / (count * scale);
  return meanDifference <= tolerance;
}
