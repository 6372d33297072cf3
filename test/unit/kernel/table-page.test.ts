import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { formatCell, formatDate, formatNumber } from '../../../src/kernel/display/table-format.ts';
import { isRowArray, isTable, tablePage } from '../../../src/kernel/display/table-page.ts';

/** 144 monthly rows like the classic airline passengers series. */
function passengers() {
  return aq.table({
    month: Array.from({ length: 144 }, (_, i) => new Date(Date.UTC(1949 + Math.floor(i / 12), i % 12, 1))),
    passengers: Array.from({ length: 144 }, (_, i) => 112 + i),
    ratio: Array.from({ length: 144 }, (_, i) => i / 3),
  });
}

describe('isTable', () => {
  it('recognises Arquero tables by shape', () => {
    expect(isTable(passengers())).toBe(true);
    expect(isTable(passengers().filter((d: { passengers: number }) => d.passengers > 200))).toBe(true);
    expect(isTable([{ a: 1 }])).toBe(false);
    expect(isTable({ numRows: 1 })).toBe(false);
    expect(isTable(null)).toBe(false);
  });
});

describe('tablePage', () => {
  it('returns one formatted page with the table size', () => {
    const page = tablePage(passengers(), 10, 3);
    expect(page).toEqual({
      columns: ['month', 'passengers', 'ratio'],
      rows: [
        ['1949-11-01', '122', '3.33333'],
        ['1949-12-01', '123', '3.66667'],
        ['1950-01-01', '124', '4'],
      ],
      numeric: [false, true, true],
      numRows: 144,
      numCols: 3,
      offset: 10,
    });
  });

  it('clamps offsets and limits to the table', () => {
    expect(tablePage(passengers(), 140, 10).rows).toHaveLength(4);
    expect(tablePage(passengers(), 500, 10)).toMatchObject({ rows: [], offset: 144 });
    expect(tablePage(passengers(), -5, 2).offset).toBe(0);
  });

  it('counts rows after filtering and ordering', () => {
    const table = passengers()
      .filter((d: { passengers: number }) => d.passengers % 2 === 0)
      .orderby(aq.desc('passengers'));
    const page = tablePage(table, 0, 2);
    expect(page.numRows).toBe(72);
    expect(page.rows.map((r) => r[1])).toEqual(['254', '252']);
  });

  it('shows empty cells for missing values and keeps numeric alignment', () => {
    const page = tablePage(aq.table({ x: [1, null, undefined, 2.5] }), 0, 10);
    expect(page.rows).toEqual([['1'], [''], [''], ['2.5']]);
    expect(page.numeric).toEqual([true]);
  });

  it('accepts an array of row objects, columns in first-seen order', () => {
    const rows = [{ a: 1 }, { a: 2, b: 'x' }, { b: 'y', c: { deep: [1, 2] } }];
    expect(isRowArray(rows)).toBe(true);
    expect(tablePage(rows, 0, 10)).toEqual({
      columns: ['a', 'b', 'c'],
      rows: [
        ['1', '', ''],
        ['2', 'x', ''],
        ['', 'y', '{"deep":[1,2]}'],
      ],
      numeric: [true, false, false],
      numRows: 3,
      numCols: 3,
      offset: 0,
    });
  });

  it('leaves other arrays to the inspector', () => {
    class Point {
      x = 1;
    }
    expect(isRowArray([])).toBe(false);
    expect(isRowArray([1, 2])).toBe(false);
    expect(isRowArray([new Point()])).toBe(false);
    expect(isRowArray([{ a: 1 }, [1]])).toBe(false);
  });
});

describe('formatCell', () => {
  it.each([
    [0.1 + 0.2, '0.3'],
    [1 / 3, '0.333333'],
    [123456.789, '123457'],
    [1234567, '1234567'],
    [-0, '0'],
    [1e-7 / 3, '3.33333e-8'],
    [NaN, 'NaN'],
    [-Infinity, '-Infinity'],
  ])('number %s → %s', (n, text) => {
    expect(formatNumber(n)).toBe(text);
  });

  it.each([
    [Date.UTC(2024, 2, 1), '2024-03-01'],
    [Date.UTC(2024, 2, 1, 12, 30), '2024-03-01T12:30Z'],
    [Date.UTC(2024, 2, 1, 12, 30, 15), '2024-03-01T12:30:15Z'],
    [Date.UTC(2024, 2, 1, 12, 30, 15, 250), '2024-03-01T12:30:15.250Z'],
    [NaN, 'Invalid Date'],
  ])('date %s → %s', (time, text) => {
    expect(formatDate(new Date(time))).toBe(text);
  });

  it('formats other values', () => {
    expect(formatCell(null)).toBe('');
    expect(formatCell(undefined)).toBe('');
    expect(formatCell(true)).toBe('true');
    expect(formatCell(10n)).toBe('10');
    expect(formatCell('text')).toBe('text');
    expect(formatCell({ a: 1, b: [1, 2], n: 5n })).toBe('{"a":1,"b":[1,2],"n":"5n"}');
    expect(formatCell({ big: 'x'.repeat(200) })).toHaveLength(100);
    expect(formatCell({ big: 'x'.repeat(200) }).endsWith('…')).toBe(true);
  });

  it('copes with cycles', () => {
    const a: Record<string, unknown> = { n: 1 };
    a.self = a;
    expect(formatCell(a)).toBe('{"n":1,"self":"[circular]"}');
    const shared = { v: 1 };
    expect(formatCell([shared, shared])).toBe('[{"v":1},{"v":1}]');
  });
});
