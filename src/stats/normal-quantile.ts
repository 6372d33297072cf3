/**
 * The standard normal quantile function, as R's `qnorm(p)`.
 *
 * Wichura, M. J. (1988) "Algorithm AS 241: The percentage points of the normal distribution",
 * *Applied Statistics* 37, 477–484 (PPND16, accurate to about 1 part in 10^16), the algorithm R
 * itself uses: a rational approximation for |p − 0.5| ≤ 0.425 and two more in r = sqrt(−ln(min(p, 1 − p))).
 */

const a = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987,
  67265.7709270087, 33430.57558358813, 2509.0809287301227,
];
const b = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271,
  28729.085735721943, 5226.495278852546,
];
const c = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684,
  0.2417807251774506, 0.022723844989269184, 0.0007745450142783414,
];
const d = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008, 0.015198666563616457,
  0.0005475938084995345, 1.0507500716444169e-9,
];
const e = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487, 0.026532189526576124,
  0.0012426609473880784, 2.7115555687434876e-5, 2.0103343992922881e-7,
];
const f = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133,
  1.8463183175100548e-5, 1.421511758316446e-7, 2.0442631033899397e-15,
];

/** Evaluates the degree-7 polynomial with coefficients `k` (constant first) at x, by Horner's rule. */
function poly(k: number[], x: number): number {
  let s = k[7];
  for (let i = 6; i >= 0; i--) s = s * x + k[i];
  return s;
}

/** z such that P(Z ≤ z) = p for Z ~ N(0, 1). Confirmed in R: `qnorm(0.975)` → 1.959963984540054. */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly(a, r)) / poly(b, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value = poly(c, r) / poly(d, r);
  } else {
    r -= 5;
    value = poly(e, r) / poly(f, r);
  }
  return q < 0 ? -value : value;
}
