import { expect } from 'vitest';

/** Expects |actual − expected| ≤ tol·max(1, |expected|), naming what was compared. */
export function expectNear(actual: number, expected: number, tol: number, what = ''): void {
  const scale = Math.max(1, Math.abs(expected));
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tol * scale);
}
