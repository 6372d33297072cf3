import { describe, expect, it } from 'vitest';
import { explain, fitContentBased, recommend, userProfile, type ItemContent } from 'dplab/recommend';
import { fromDense } from './reference.ts';

const content: ItemContent[] = [
  { id: 'i2', text: 'red bag', attributes: { category: 'bags' } },
  { id: 'i0', text: 'red mug', attributes: { category: 'kitchen' } },
  { id: 'i1', text: 'blue mug', attributes: { category: 'kitchen' } },
];
const x = fromDense([
  [1, 0, 0],
  [3, 1, 0],
]);
// By hand: idf(mug) = idf(red) = ln(4/3) + 1 = a, idf(blue) = idf(bag) = ln 2 + 1 = b.
const a = Math.log(4 / 3) + 1;
const b = Math.log(2) + 1;
const n = Math.hypot(a, b);

describe('content-based', () => {
  it('builds unit item profiles from TF-IDF text and one-hot attributes', () => {
    const m = fitContentBased(x, content);
    expect(m.features).toEqual(['bag', 'blue', 'mug', 'red', 'category=bags', 'category=kitchen']);
    // Item 1 ("blue mug", kitchen): text (b, a)/n, attribute 1, each block unit length, then all scaled by 1/√2.
    const row = (i: number) =>
      Object.fromEntries(
        Array.from(m.profiles.index.subarray(m.profiles.ptr[i], m.profiles.ptr[i + 1]), (f, k) => [
          m.features[f],
          m.profiles.value[m.profiles.ptr[i] + k],
        ]),
      );
    expect(row(1)).toEqual({
      blue: expect.closeTo(b / n / Math.SQRT2, 14),
      mug: expect.closeTo(a / n / Math.SQRT2, 14),
      'category=kitchen': expect.closeTo(Math.SQRT1_2, 14),
    });
    expect(structuredClone(m)).toEqual(m);
  });

  it('ranks by the cosine of the user profile and the item profiles (hand computed)', () => {
    const m = fitContentBased(x, content);
    // User 0 has item 0 ("red mug", kitchen): profile mug = red = 1/2, kitchen = 1/√2.
    const cosI1 = (0.5 * a) / n / Math.SQRT2 + 0.5;
    const cosI2 = (0.5 * a) / n / Math.SQRT2;
    expect(recommend(m, x, 'u0')).toEqual([
      { item: 'i1', score: expect.closeTo(cosI1, 14) },
      { item: 'i2', score: expect.closeTo(cosI2, 14) },
    ]);
    const e = explain(m, x, 'u0', 'i1');
    expect(e.because).toEqual([
      { kind: 'feature', id: 'category=kitchen', weight: expect.closeTo(0.5, 14) },
      { kind: 'feature', id: 'mug', weight: expect.closeTo(cosI1 - 0.5, 14) },
    ]);
  });

  it('weights the user profile by interaction values when asked', () => {
    const binary = userProfile(fitContentBased(x, content), x, 1);
    const weighted = userProfile(fitContentBased(x, content, { weighting: 'value' }), x, 1);
    // User 1 has item 0 (value 3) and item 1 (value 1): category=kitchen is in both, so 1/√2 either way.
    expect(binary[5]).toBeCloseTo(Math.SQRT1_2, 14);
    expect(weighted[5]).toBeCloseTo(Math.SQRT1_2, 14);
    // "red" is only in item 0: weight 1/2 of 1/2 (binary), 3/4 of 1/2 (by value).
    expect(binary[3]).toBeCloseTo(0.25, 14);
    expect(weighted[3]).toBeCloseTo(0.375, 14);
  });

  it('z-scores numeric attributes and works without any text', () => {
    const m = fitContentBased(
      x,
      content.map((c, k) => ({ id: c.id, attributes: { price: [1, 2, 3][k] } })),
    );
    expect(m.tfidf).toBeNull();
    expect(m.features).toEqual(['price (z)']);
    // Prices 1, 2, 3 (ids i2, i0, i1): z = −1.22, 0, 1.22; a one-feature profile is ±1 or 0.
    const itemIndex = { i0: 0, i1: 1, i2: 2 };
    const value = (i: number) =>
      m.profiles.ptr[i + 1] > m.profiles.ptr[i] ? m.profiles.value[m.profiles.ptr[i]] : NaN;
    expect([value(itemIndex.i0), value(itemIndex.i1), value(itemIndex.i2)]).toEqual([0, 1, -1]);
  });

  it('needs content for every item and valid options', () => {
    expect(() => fitContentBased(x, content.slice(1))).toThrow(
      "item 'i2' of the interactions has no content",
    );
    expect(() => fitContentBased(x, content, { textWeight: -1 })).toThrow('invalid textWeight: -1');
    expect(() => fitContentBased(x, content, { weighting: JSON.parse('"log"') })).toThrow(
      'invalid weighting: log',
    );
    expect(() =>
      fitContentBased(x, [{ id: 'i0', attributes: { price: NaN } }, content[0], content[2]]),
    ).toThrow("item 'i0': attribute price is NaN");
  });
});
