/**
 * The scikit-learn / numpy reference values of test/fixtures/recommend/sklearn-reference.json (made by
 * make-reference.py there, which records each call), and a small rating matrix helper.
 */
import { readFileSync } from 'node:fs';
import { buildInteractions, type Interaction, type Interactions } from 'dplab/recommend';

interface Matrix {
  call: string;
  values: (number | null)[][];
}

export interface Reference {
  source: string;
  tfidf: {
    docs: string[];
    cases: {
      call: string;
      options: {
        smooth_idf?: boolean;
        sublinear_tf?: boolean;
        norm?: 'l1' | 'l2' | null;
        min_df?: number;
        max_df?: number;
      };
      vocabulary: string[];
      idf: number[];
      matrix: number[][];
    }[];
  };
  ndcg: { recommended: number[]; relevant: number[]; k: number; call: string; ndcg: number }[];
  averagePrecision: { ranking: number[]; relevant: number[]; call: string; ap: number }[];
  similarity: {
    ratings: number[][];
    cosine: Matrix;
    pearson: Matrix;
    adjustedCosine: Matrix;
    userCosine: Matrix;
    overlap: number[][];
  };
}

export const reference: Reference = JSON.parse(
  readFileSync(new URL('../../fixtures/recommend/sklearn-reference.json', import.meta.url), 'utf8'),
);

/** Interactions from a dense matrix (0 = absent), users 'u0', 'u1', …, items 'i0', 'i1', …. */
export function fromDense(matrix: readonly (readonly number[])[]): Interactions {
  const rows: Interaction[] = [];
  matrix.forEach((r, u) =>
    r.forEach((value, i) => {
      if (value !== 0) rows.push({ user: `u${u}`, item: `i${i}`, value });
    }),
  );
  return buildInteractions(rows, {
    users: matrix.map((_, u) => `u${u}`),
    items: matrix[0].map((_, i) => `i${i}`),
  });
}
