/**
 * A gamma deviate from a {@link SeededRandom}, by Marsaglia & Tsang, "A simple method for generating
 * gamma variables", *ACM TOMS* 26(3), 2000; shapes below 1 use their boost Γ(a) = Γ(a + 1)·U^(1/a)
 * (§6 of the paper). The one gamma sampler of the library: the synthetic data (Dirichlet draws), the
 * inventory demand and the service times of the API simulation all draw through it.
 */
import type { SeededRandom } from './random.ts';

/** A Gamma(shape, scale) deviate (mean shape · scale). */
export function randomGamma(rng: SeededRandom, shape: number, scale = 1): number {
  if (!(shape > 0)) throw new RangeError(`invalid gamma shape: ${shape} (must be > 0)`);
  if (shape < 1) return randomGamma(rng, shape + 1, scale) * Math.pow(rng.uniform(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = rng.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.uniform();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
  }
}
