/**
 * A small seeded pseudo-random generator, so every simulation in dplab is reproducible.
 *
 * - Uniforms: xoshiro128** (Blackman & Vigna, "Scrambled linear pseudorandom number generators",
 *   *ACM TOMS* 47(4), 2021), 32-bit state words seeded through splitmix32, two outputs combined into
 *   a 53-bit double in [0, 1).
 * - Normals: Marsaglia's polar method (Marsaglia & Bray, *SIAM Review* 6(3), 1964), which yields
 *   deviates in pairs; the second is kept for the next call.
 *
 * The same seed gives the same stream on every platform (only integer arithmetic and IEEE doubles).
 * It is not R's Mersenne-Twister: simulated results agree with R in distribution, not draw for draw.
 */
export class SeededRandom {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spare = NaN;

  /** `seed`: any finite number; its integer part (mod 2³²) selects the stream. */
  constructor(seed = 1) {
    if (!Number.isFinite(seed)) throw new RangeError(`invalid seed: ${seed} (must be a finite number)`);
    let x = Math.trunc(seed) >>> 0;
    const next = (): number => {
      // splitmix32 spreads a small seed over the four state words (never all zero).
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
  }

  /** The next 32-bit unsigned integer of the xoshiro128** stream. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** A uniform deviate in [0, 1) with 53 random bits. */
  uniform(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** A normal deviate with the given mean and standard deviation (default standard normal). */
  normal(mean = 0, sd = 1): number {
    if (!Number.isNaN(this.spare)) {
      const z = this.spare;
      this.spare = NaN;
      return mean + sd * z;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * factor;
    return mean + sd * u * factor;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
