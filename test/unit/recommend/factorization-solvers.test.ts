// The small dense solvers under ALS: Cholesky against known factors and solutions, and the
// conjugate-gradient row solve of implicit ALS against a direct solve of the same normal equations.
import { describe, expect, it } from 'vitest';
import {
  cgScratch,
  choleskyFactor,
  choleskySolve,
  gramMatrix,
  implicitRowCg,
  implicitRowCholesky,
  type SparseRow,
} from '../../../src/recommend/factorization/index.ts';
import { SeededRandom } from '../../../src/stats/random.ts';

describe('Cholesky', () => {
  // R: chol(matrix(c(4, 12, -16, 12, 37, -43, -16, -43, 98), 3)) → upper factor rows (2, 6, -8), (0, 1, 5), (0, 0, 3).
  const a = [
    [4, 12, -16],
    [12, 37, -43],
    [-16, -43, 98],
  ];

  it('chol(matrix(c(4, 12, -16, 12, 37, -43, -16, -43, 98), 3)): L = tᵀ of R’s factor, exactly', () => {
    const m = Float64Array.from(a.flat());
    choleskyFactor(m, 3);
    expect([m[0], m[3], m[4], m[6], m[7], m[8]]).toEqual([2, 6, 1, -8, 5, 3]);
    expect([m[1], m[2], m[5]]).toEqual([12, -16, -43]); // the strict upper triangle is left alone
  });

  it('solve(A, A %*% c(1, 2, 3)) = (1, 2, 3): b = (−20, −43, 192)', () => {
    const x = choleskySolve(a, [-20, -43, 192]);
    [1, 2, 3].forEach((v, i) => expect(x[i]).toBeCloseTo(v, 12));
  });

  it('the 4 × 4 Hilbert matrix with b = its row sums gives x = 1 to 1e-9 (condition number ≈ 1.6e4)', () => {
    const h = Array.from({ length: 4 }, (_, i) => Array.from({ length: 4 }, (_, j) => 1 / (i + j + 1)));
    const x = choleskySolve(
      h,
      h.map((row) => row.reduce((s, v) => s + v, 0)),
    );
    for (const v of x) expect(Math.abs(v - 1)).toBeLessThan(1e-9);
  });

  it('one point: 4x = 2 gives 0.5; a row-major Float64Array works as well', () => {
    expect([...choleskySolve([[4]], [2])]).toEqual([0.5]);
    expect([...choleskySolve(Float64Array.from([4, 0, 0, 16]), [2, 4])]).toEqual([0.5, 0.25]);
  });

  it('rejects indefinite, non-symmetric, misshapen and NaN matrices with what to do', () => {
    expect(() =>
      choleskySolve(
        [
          [1, 2],
          [2, 1],
        ],
        [1, 1],
      ),
    ).toThrow(/not positive definite \(pivot 2 of 2 is -3\); add regularisation/);
    expect(() =>
      choleskySolve(
        [
          [2, 1],
          [0, 2],
        ],
        [1, 1],
      ),
    ).toThrow(/not symmetric/);
    expect(() => choleskySolve([[1, 0]], [1, 1])).toThrow(/A has 1 rows but b has 2 entries/);
    expect(() => choleskySolve([[NaN]], [1])).toThrow(/not positive definite/);
  });
});

describe('implicit ALS row solve (Hu, Koren & Volinsky 2008, eq. 4)', () => {
  const k = 5;
  const rng = new SeededRandom(7);
  const y = Float64Array.from({ length: 12 * k }, () => rng.normal(0, 0.5));
  const row: SparseRow = {
    idx: Int32Array.from([1, 3, 4, 7, 9, 11]),
    val: Float64Array.from([1, 2, 5, 1, 0, 3]), // item 9 is a stored zero: no preference, confidence 1
    start: 0,
    end: 6,
  };
  const alpha = 2;
  const lambda = 0.1;

  /** (YᵀCY + λI) x = YᵀCp written out term by term, solved by Cholesky. */
  function direct(): Float64Array {
    const a = Array.from({ length: k }, (_, f) =>
      Array.from({ length: k }, (_, g) => {
        let s = f === g ? lambda : 0;
        for (let i = 0; i < 12; i++) {
          const q = [...row.idx].indexOf(i);
          const c = q >= 0 ? 1 + alpha * row.val[q] : 1;
          s += c * y[i * k + f] * y[i * k + g];
        }
        return s;
      }),
    );
    const b = Array.from({ length: k }, (_, f) => {
      let s = 0;
      row.idx.forEach((i, q) => {
        if (row.val[q] > 0) s += (1 + alpha * row.val[q]) * y[i * k + f];
      });
      return s;
    });
    return choleskySolve(a, b);
  }

  it('k conjugate-gradient steps from a random warm start equal the direct solve to 1e-8', () => {
    const expected = direct();
    const x = Float64Array.from({ length: k }, () => rng.normal());
    implicitRowCg(gramMatrix(y, k), y, k, row, alpha, lambda, x, 0, k, cgScratch(k));
    for (let f = 0; f < k; f++) expect(Math.abs(x[f] - expected[f])).toBeLessThan(1e-8);
  });

  it('the Cholesky row solve equals it too, writing at an offset', () => {
    const expected = direct();
    const x = new Float64Array(3 * k).fill(9);
    implicitRowCholesky(gramMatrix(y, k), y, k, row, alpha, lambda, x, k, new Float64Array(k * k));
    for (let f = 0; f < k; f++) expect(Math.abs(x[k + f] - expected[f])).toBeLessThan(1e-12);
    expect(x[0]).toBe(9);
    expect(x[2 * k]).toBe(9);
  });

  it('fewer steps already lower the residual; a converged start stays put', () => {
    const expected = direct();
    const err = (x: Float64Array) => Math.hypot(...x.map((v, f) => v - expected[f]));
    const x0 = new Float64Array(k);
    const x1 = new Float64Array(k);
    implicitRowCg(gramMatrix(y, k), y, k, row, alpha, lambda, x1, 0, 1, cgScratch(k));
    expect(err(x1)).toBeLessThan(err(x0));
    const x2 = Float64Array.from(expected);
    implicitRowCg(gramMatrix(y, k), y, k, row, alpha, lambda, x2, 0, 3, cgScratch(k));
    expect(err(x2)).toBeLessThan(1e-10);
  });

  it('gramMatrix(Y) is YᵀY, symmetric, for a row count not a multiple of four', () => {
    const g = gramMatrix(y.subarray(0, 7 * k), k);
    for (let f = 0; f < k; f++) {
      for (let h = 0; h < k; h++) {
        let s = 0;
        for (let i = 0; i < 7; i++) s += y[i * k + f] * y[i * k + h];
        expect(g[f * k + h]).toBeCloseTo(s, 13);
      }
    }
  });
});
