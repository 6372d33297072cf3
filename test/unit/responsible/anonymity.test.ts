import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ageBand,
  coarsenDate,
  generalise,
  kAnonymity,
  lDiversity,
  suppress,
  truncatePostcode,
  type Row,
} from 'dplab/responsible';

/** A fixture CSV (no quoted fields) as rows of strings, numbers where the text is numeric. */
function readCsv(name: string): Row[] {
  const [header, ...lines] = readFileSync(
    new URL(`../../fixtures/ref-pycanon/${name}`, import.meta.url),
    'utf8',
  )
    .trim()
    .split('\n');
  const columns = header.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    const row: Row = {};
    columns.forEach(
      (c, i) => (row[c] = cells[i] !== '' && !Number.isNaN(Number(cells[i])) ? Number(cells[i]) : cells[i]),
    );
    return row;
  });
}

const qi = ['Teacher', 'Gender', 'Ethnic', 'Freeredu', 'wesson'];
const raw = readCsv('StudentsMath_Score.csv');
const k5 = readCsv('StudentsMath_Score_k5.csv');

// A small table counted by hand (pycanon's data/processed/hospital_anonymized.csv, 13 rows).
const hospital: Row[] = [
  ['Female', 'Kerala', 'Viral infection'],
  ['Female', 'Kerala', 'Heart-related'],
  ['Female', 'Tamil Nadu', 'Cancer'],
  ['Female', 'Tamil Nadu', 'TB'],
  ['Male', 'Karnataka', 'No illness'],
  ['Male', 'Karnataka', 'TB'],
  ['Male', 'Karnataka', 'Heart-related'],
  ['Male', 'Kerala', 'Cancer'],
  ['Male', 'Kerala', 'Heart-related'],
  ['Male', 'Kerala', 'Viral infection'],
  ['Male', 'Tamil Nadu', 'Cancer'],
  ['Male', 'Tamil Nadu', 'Cancer'],
  ['Male', 'Tamil Nadu', 'Cancer'],
].map(([gender, city, disease]) => ({ age: '[17, 30[', gender, city, disease }));

describe('kAnonymity (pycanon tests/test_anonymity.py, TestMathScores)', () => {
  it('StudentsMath_Score.csv: anonymity.k_anonymity → 1', () => {
    expect(kAnonymity(raw, qi).k).toBe(1);
  });
  it('StudentsMath_Score_k5.csv: anonymity.k_anonymity → 5, no class below 5', () => {
    const r = kAnonymity(k5, qi, { k: 5 });
    expect(r.k).toBe(5);
    expect(r.violating).toEqual([]);
    expect(r.groups.reduce((s, g) => s + g.size, 0)).toBe(k5.length);
  });
  it('hand count of the hospital table: k = 2; the two Female classes violate k = 3', () => {
    const r = kAnonymity(hospital, ['age', 'gender', 'city'], { k: 3 });
    expect(r.k).toBe(2);
    expect(r.groups).toHaveLength(5);
    expect(r.violating.map((g) => g.values)).toEqual([
      { age: '[17, 30[', gender: 'Female', city: 'Kerala' },
      { age: '[17, 30[', gender: 'Female', city: 'Tamil Nadu' },
    ]);
    expect(r.violating.map((g) => g.rows)).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(kAnonymity(hospital, ['age', 'gender', 'city']).violating).toEqual([]); // default k = 2
  });
  it('accepts an arquero-like table through objects()', () => {
    expect(kAnonymity({ objects: () => hospital }, ['gender']).k).toBe(4);
  });
  it('keeps 1 and "1" apart and treats missing values as one class', () => {
    const r = kAnonymity([{ a: 1 }, { a: '1' }, { a: null }, { a: undefined }], ['a']);
    expect(r.groups.map((g) => g.size)).toEqual([1, 1, 2]);
  });
  it('rejects unknown columns (listing the columns), empty input and bad k', () => {
    expect(() => kAnonymity(hospital, ['age', 'zip'])).toThrow(
      'kAnonymity: unknown column "zip"; the columns are "age", "gender", "city", "disease"',
    );
    expect(() => kAnonymity([], ['age'])).toThrow(/at least one row/);
    expect(() => kAnonymity(hospital, [])).toThrow(/at least one column/);
    expect(() => kAnonymity(hospital, ['age'], { k: 0 })).toThrow(/invalid k: 0/);
  });
});

describe('lDiversity (pycanon tests/test_anonymity.py, TestMathScores)', () => {
  it('StudentsMath_Score.csv: l_diversity → 1, entropy_l_diversity → 1', () => {
    expect(lDiversity(raw, qi, 'Score').l).toBe(1);
    expect(Math.floor(lDiversity(raw, qi, ['Score'], { method: 'entropy' }).l)).toBe(1);
  });
  it('StudentsMath_Score_k5.csv: recursive_c_l_diversity → (c = 1, l = 4), so distinct l = 4', () => {
    const r = lDiversity(k5, qi, 'Score');
    expect(r.l).toBe(4);
    // pycanon's test only asserts entropy_l_diversity ≥ 1; entropy l never exceeds distinct l.
    const e = lDiversity(k5, qi, 'Score', { method: 'entropy' });
    expect(e.l).toBeGreaterThanOrEqual(1);
    expect(e.l).toBeLessThanOrEqual(4 + 1e-12);
  });
  it('hand count of the hospital table: distinct l = 1 ((Male, Tamil Nadu) all Cancer)', () => {
    const r = lDiversity(hospital, ['age', 'gender', 'city'], 'disease');
    expect(r.l).toBe(1);
    expect(r.groups.map((g) => g.distinct)).toEqual([2, 2, 3, 3, 1]);
    // Two equally frequent values: exp(ln 2) = 2; three: 3 (Machanavajjhala et al., Def. 4.1).
    expect(r.groups.map((g) => g.entropyL)).toEqual([2, 2, 3, 3, 1].map((x) => expect.closeTo(x, 12)));
  });
  it('entropy l of a class with frequencies 3:1 is exp(H) = 4/3^(3/4) = 1.7548', () => {
    const rows = ['x', 'x', 'x', 'y'].map((s) => ({ q: 1, s }));
    // H = −(¾ ln ¾ + ¼ ln ¼); exp(H) = (4/3)^(3/4)·4^(1/4) = 4/3^(3/4).
    expect(lDiversity(rows, ['q'], 's', { method: 'entropy' }).l).toBeCloseTo(4 / 3 ** 0.75, 12);
  });
  it('rejects unknown sensitive columns and methods', () => {
    expect(() => lDiversity(hospital, ['age'], 'illness')).toThrow(
      /unknown column "illness"; the columns are/,
    );
    expect(() => lDiversity(hospital, ['age'], 'disease', { method: 'recursive' as never })).toThrow(
      /invalid method/,
    );
  });
});

describe('generalisation and suppression', () => {
  it('ageBand, truncatePostcode, coarsenDate', () => {
    expect(ageBand(37)).toBe('[30, 40)');
    expect(ageBand(40)).toBe('[40, 50)');
    expect(ageBand('23', { width: 5 })).toBe('[20, 25)');
    expect(ageBand(17, { width: 13, origin: 17 })).toBe('[17, 30)');
    expect(ageBand(93, { top: 90 })).toBe('≥ 90');
    expect(ageBand(null)).toBeNull();
    expect(() => ageBand(3, { width: 0 })).toThrow(/invalid width: 0/);
    expect(truncatePostcode('SW1A 1AA')).toBe('SW1*');
    expect(truncatePostcode('28013', 2)).toBe('28*');
    expect(truncatePostcode('AB', 3)).toBe('AB');
    expect(coarsenDate('2024-03-14', 'year')).toBe('2024');
    expect(coarsenDate('2024-03-14', 'quarter')).toBe('2024-Q1');
    expect(coarsenDate(new Date(Date.UTC(2024, 2, 14)))).toBe('2024-03');
    expect(coarsenDate('2024-03-14', 'week')).toBe('2024-03-11'); // Thursday → its Monday
    expect(coarsenDate('2024-03-10', 'week')).toBe('2024-03-04'); // Sunday belongs to the week before
    expect(coarsenDate('not a date')).toBeNull();
  });
  it('generalising Ethnic away and suppressing small classes makes StudentsMath_Score.csv 5-anonymous', () => {
    const before = kAnonymity(raw, qi).k;
    const coarse = generalise(raw, { Ethnic: () => '*' });
    expect(kAnonymity(coarse, qi).k).toBeGreaterThanOrEqual(before);
    const { rows, suppressed, suppressedShare } = suppress(coarse, qi, { k: 5 });
    expect(kAnonymity(rows, qi).k).toBeGreaterThanOrEqual(5);
    expect(rows.length + suppressed.length).toBe(raw.length);
    expect(suppressedShare).toBeCloseTo(suppressed.length / raw.length, 15);
    expect(raw[0].Ethnic).toBe('Asian'); // the input is untouched
  });
  it('suppress with mode "mask" keeps the rows and masks their quasi-identifiers', () => {
    const r = suppress(hospital, ['gender', 'city'], { k: 3, mode: 'mask' });
    expect(r.rows).toHaveLength(13);
    expect(r.suppressed).toEqual([0, 1, 2, 3]);
    expect(r.rows.slice(0, 4).map((x) => [x.gender, x.city])).toEqual(Array(4).fill(['*', '*']));
    expect(kAnonymity(r.rows, ['gender', 'city']).k).toBe(3);
  });
  it('generalise rejects unknown columns', () => {
    expect(() => generalise(hospital, { postcode: (p) => truncatePostcode(p) })).toThrow(
      /unknown column "postcode"/,
    );
  });
});
