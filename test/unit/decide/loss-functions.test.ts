import { describe, expect, it } from 'vitest';
import {
  normalCdf,
  normalLoss,
  normalSecondLoss,
  poissonCdf,
  poissonLoss,
  poissonPmf,
  poissonSecondLoss,
  standardNormalLoss,
} from 'dplab/decide';
import { expectNear } from './close.ts';

describe('loss functions', () => {
  it('normal cdf and loss match R', () => {
    // R: pnorm(1.96) = 0.9750021048517796; dnorm(1) - pnorm(1, lower.tail = FALSE) = 0.08331547058768632.
    expectNear(normalCdf(1.96), 0.9750021048517796, 1e-14, 'pnorm(1.96)');
    expectNear(standardNormalLoss(1), 0.08331547058768632, 1e-14, 'L(1)');
    // L(0) = φ(0) = 1/√(2π).
    expectNear(standardNormalLoss(0), 1 / Math.sqrt(2 * Math.PI), 1e-15, 'L(0)');
    // Snyder & Shen Table C.1 (standard normal loss to 4 digits): L(−1.5) = 1.5293, L(2) = 0.0085.
    expectNear(standardNormalLoss(-1.5), 1.5293, 5e-5, 'L(-1.5)');
    expectNear(standardNormalLoss(2), 0.0085, 5e-5, 'L(2)');
  });

  it('normal second-order loss is the integral of the loss (trapezoid rule to 1e-7)', () => {
    const [mean, sd, x] = [50, 8, 45];
    let s = 0;
    const step = 0.001;
    for (let y = x; y < mean + 12 * sd; y += step)
      s += 0.5 * step * (normalLoss(y, mean, sd) + normalLoss(y + step, mean, sd));
    expectNear(normalSecondLoss(x, mean, sd), s, 1e-7, 'n2(45)');
  });

  it('Poisson pmf, cdf and loss agree with direct sums', () => {
    const mean = 6;
    // R: ppois(8, 6) = 0.8472374939845613; dpois(8, 6) = 0.1032577335308443.
    expectNear(poissonCdf(8, mean), 0.8472374939845613, 1e-13, 'ppois(8, 6)');
    expectNear(poissonPmf(8, mean), 0.1032577335308443, 1e-13, 'dpois(8, 6)');
    for (const x of [-2, 0, 3, 8, 15]) {
      let loss = 0;
      let second = 0;
      for (let d = 0; d < 200; d++) {
        const f = poissonPmf(d, mean);
        loss += Math.max(d - x, 0) * f;
        second += 0.5 * Math.max(d - x, 0) * Math.max(d - x - 1, 0) * f;
      }
      expectNear(poissonLoss(x, mean), loss, 1e-12, `n(${x})`);
      expectNear(poissonSecondLoss(x, mean), second, 1e-12, `n2(${x})`);
    }
  });

  it('a zero sd is a point mass', () => {
    expect(normalLoss(3, 5, 0)).toBe(2);
    expect(normalLoss(7, 5, 0)).toBe(0);
  });
});
