import { describe, expect, it } from 'vitest';
import { fitTfidf, tfidf, tokenize, transformTfidf, type TfidfOptions } from 'dplab/recommend';
import { reference } from './reference.ts';

/** The dense rows of a sparse TF-IDF matrix. */
function dense(m: ReturnType<typeof transformTfidf>, columns: number): number[][] {
  return Array.from({ length: m.ptr.length - 1 }, (_, d) => {
    const row = new Array<number>(columns).fill(0);
    for (let p = m.ptr[d]; p < m.ptr[d + 1]; p++) row[m.index[p]] = m.value[p];
    return row;
  });
}

describe('TF-IDF', () => {
  // Reference: sklearn-reference.json, scikit-learn 1.2.1 TfidfVectorizer (the call is in each case).
  for (const c of reference.tfidf.cases) {
    it(`${c.call} matches scikit-learn`, () => {
      const o = c.options;
      const options: TfidfOptions = {
        smoothIdf: o.smooth_idf,
        sublinearTf: o.sublinear_tf,
        norm: o.norm === null ? 'none' : o.norm,
        minDf: o.min_df,
        maxDf: o.max_df,
      };
      const { model, matrix } = tfidf(reference.tfidf.docs, options);
      expect(model.vocabulary).toEqual(c.vocabulary);
      model.idf.forEach((v, k) => expect(v).toBeCloseTo(c.idf[k], 13));
      dense(matrix, c.vocabulary.length).forEach((row, d) =>
        row.forEach((v, k) => expect(v, `doc ${d}, ${c.vocabulary[k]}`).toBeCloseTo(c.matrix[d][k], 13)),
      );
    });
  }

  it('tokenises as token_pattern (?u)\\b\\w\\w+\\b after lower-casing', () => {
    expect(tokenize('WHITE T-LIGHT, 12 mugs; a b_c Café')).toEqual([
      'white',
      'light',
      '12',
      'mugs',
      'b_c',
      'café',
    ]);
    expect(tokenize('Ab CD', { lowercase: false })).toEqual(['Ab', 'CD']);
    expect(tokenize('')).toEqual([]);
  });

  it('computes idf = ln((1 + n)/(1 + df)) + 1 by hand, and transforms new text with the fitted vocabulary', () => {
    const model = fitTfidf(['red mug', 'blue mug', 'red bag']);
    expect(model.vocabulary).toEqual(['bag', 'blue', 'mug', 'red']);
    expect(Array.from(model.idf)).toEqual([
      Math.log(2) + 1,
      Math.log(2) + 1,
      Math.log(4 / 3) + 1,
      Math.log(4 / 3) + 1,
    ]);
    const m = transformTfidf(model, ['green mug mug', 'green']);
    expect(Array.from(m.index)).toEqual([2]);
    expect(Array.from(m.value)).toEqual([1]);
    expect(Array.from(m.ptr)).toEqual([0, 1, 1]);
  });

  it('drops stop words', () => {
    expect(fitTfidf(['the red mug', 'the bag'], { stopWords: ['the'] }).vocabulary).toEqual([
      'bag',
      'mug',
      'red',
    ]);
  });

  it('rejects no documents, an empty vocabulary and bad options', () => {
    expect(() => fitTfidf([])).toThrow('no documents');
    expect(() => fitTfidf(['a b', ''])).toThrow('empty vocabulary');
    expect(() => fitTfidf(['red mug'], { minDf: 1.5 })).toThrow('invalid minDf: 1.5');
    expect(() => fitTfidf(['red mug'], { maxDf: 2.5 })).toThrow('invalid maxDf: 2.5');
    expect(() => fitTfidf(['red mug'], { norm: JSON.parse('"max"') })).toThrow(
      "invalid norm: max (must be 'l2', 'l1' or 'none')",
    );
  });
});
