import { describe, expect, it } from 'vitest';
import {
  chiSquaredUpperTail,
  logBeta,
  logGamma,
  normalQuantile,
  regularizedBeta,
  regularizedGammaP,
  regularizedGammaQ,
  studentTCdf,
  studentTQuantile,
} from 'dplab/stats';

// Expected values: closed forms where marked "exact"; otherwise values R prints to 7 digits
// (qnorm(0.975) → 1.959964, qt(0.975, 10) → 2.228139, pchisq(3.84, 1, lower.tail = FALSE) → 0.05004352)
// given here to 17 digits from scipy 1.17.1, an independent implementation. Tolerance 1e-13 relative
// unless stated.
const close = (x: number, y: number, rel = 1e-13) =>
  expect(Math.abs(x - y)).toBeLessThanOrEqual(rel * Math.abs(y));

describe('normalQuantile (AS 241)', () => {
  it('qnorm(0.975) → 1.959963984540054, qnorm(0.9) → 1.2815515655446004, qnorm(1e-10) → -6.3613409024040557', () => {
    close(normalQuantile(0.975), 1.959963984540054);
    close(normalQuantile(0.9), 1.2815515655446004);
    close(normalQuantile(1e-10), -6.3613409024040557);
    expect(normalQuantile(0.5)).toBe(0);
  });

  it('is antisymmetric and handles the ends: qnorm(0) = -Inf, qnorm(1) = Inf, NaN and p outside [0, 1] → NaN', () => {
    close(normalQuantile(0.025), -normalQuantile(0.975), 1e-15);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(NaN)).toBeNaN();
    expect(normalQuantile(1.5)).toBeNaN();
    close(normalQuantile(1e-300), -37.0470962993612, 1e-12);
  });
});

describe('studentTQuantile / studentTCdf', () => {
  it('qt(0.975, 10) → 2.2281388519862744, qt(0.9, 119) → 1.2887061912215052, qt(0.1, 3) → -1.6377443536962089', () => {
    close(studentTQuantile(0.975, 10), 2.2281388519862744);
    close(studentTQuantile(0.9, 119), 1.2887061912215052);
    close(studentTQuantile(0.1, 3), -1.6377443536962089);
  });

  it('qt(0.975, 1) → 12.706204736174694 (Cauchy) and qt(0.975, 2) → 4.302653 (exact: (2p − 1)/√(2p(1 − p)))', () => {
    close(studentTQuantile(0.975, 1), 12.706204736174694);
    // For ν = 2, t_p = (2p − 1)/√(2p(1 − p)) exactly.
    close(studentTQuantile(0.975, 2), (2 * 0.975 - 1) / Math.sqrt(2 * 0.975 * 0.025));
  });

  it('pt inverts qt, and pt(0, ν) = 0.5, pt(1, 1) = 0.75 exactly', () => {
    for (const df of [1, 2.5, 7, 59, 443]) {
      for (const p of [1e-8, 0.01, 0.1, 0.4, 0.9, 0.999])
        close(studentTCdf(studentTQuantile(p, df), df), p, 1e-12);
    }
    expect(studentTCdf(0, 5)).toBe(0.5);
    close(studentTCdf(1, 1), 0.75);
    close(studentTCdf(-1.959963984540054, Infinity), 0.025, 1e-12);
  });

  it('rejects a non-positive df and maps p outside [0, 1] to NaN', () => {
    expect(() => studentTQuantile(0.9, 0)).toThrow('invalid degrees of freedom: 0');
    expect(studentTQuantile(2, 5)).toBeNaN();
    expect(studentTQuantile(0, 5)).toBe(-Infinity);
    expect(studentTQuantile(1, 5)).toBe(Infinity);
  });
});

describe('chiSquaredUpperTail', () => {
  it('pchisq(3.84, 1, lower.tail = FALSE) → 0.050043521248705', () => {
    close(chiSquaredUpperTail(3.84, 1), 0.05004352124870519, 1e-13);
  });

  it('pchisq(2, 2, lower.tail = FALSE) = exp(-1) exactly; pchisq(18.30703805327515, 10, lower = FALSE) = 0.05', () => {
    close(chiSquaredUpperTail(2, 2), Math.exp(-1));
    close(chiSquaredUpperTail(18.30703805327515, 10), 0.05, 1e-12);
  });

  it('keeps relative accuracy far in the tail: pchisq(132.14153857841, 1, lower = FALSE) ≈ 1.393e-30, where 1 − pchisq gives 0', () => {
    close(chiSquaredUpperTail(132.14153857841, 1), 1.3932314016444927e-30, 1e-12);
  });

  it('q ≤ 0 gives 1, NaN gives NaN, df ≤ 0 throws', () => {
    expect(chiSquaredUpperTail(0, 3)).toBe(1);
    expect(chiSquaredUpperTail(-1, 3)).toBe(1);
    expect(chiSquaredUpperTail(NaN, 3)).toBeNaN();
    expect(() => chiSquaredUpperTail(1, 0)).toThrow('invalid degrees of freedom: 0');
  });
});

describe('gamma and beta functions', () => {
  it('lgamma(0.5) = log(√π), lgamma(10) = log(9!), lgamma(100) → 359.13420536957540 (exact / R)', () => {
    close(logGamma(0.5), 0.5 * Math.log(Math.PI));
    close(logGamma(10), Math.log(362880));
    close(logGamma(100), 359.1342053695754);
    expect(logGamma(1)).toBe(0);
    expect(logGamma(0)).toBeNaN();
  });

  it('lbeta(60, 0.5) = lgamma(60) + lgamma(0.5) − lgamma(60.5) and lbeta(2, 3) = log(1/12)', () => {
    close(logBeta(2, 3), Math.log(1 / 12));
    close(logBeta(60, 0.5), logGamma(60) + logGamma(0.5) - logGamma(60.5), 1e-12);
    close(logBeta(300, 400), logGamma(300) + logGamma(400) - logGamma(700), 1e-12);
  });

  it('pgamma(2, 1) = 1 − e^−2, pgamma(3, 2, lower = FALSE) = 4e^−3 (exact); P + Q = 1', () => {
    close(regularizedGammaP(1, 2), 1 - Math.exp(-2));
    close(regularizedGammaQ(2, 3), 4 * Math.exp(-3));
    close(regularizedGammaP(7.5, 4) + regularizedGammaQ(7.5, 4), 1, 1e-15);
    expect(() => regularizedGammaP(0, 1)).toThrow('incomplete gamma needs a > 0');
  });

  it('pbeta(0.3, 2, 5) = 0.579825 exactly, and I_x(a, b) = 1 − I_{1−x}(b, a)', () => {
    close(regularizedBeta(0.3, 2, 5), 0.579825);
    close(regularizedBeta(0.8, 3.5, 1.2), 1 - regularizedBeta(0.2, 1.2, 3.5), 1e-14);
    expect(() => regularizedBeta(1.2, 1, 1)).toThrow('incomplete beta needs');
  });
});
