import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import {
  coerceNumbers,
  deduplicate,
  detectBots,
  joinWithReport,
  messyClickstream,
  profile,
} from '../../../src/data/index.ts';

// Arquero expression: the number inside an id such as "O001234" or "ord-1234".
const withNumber = (t: aq.ColumnTable, column: string, from: number) =>
  t.params({ column, from }).derive({
    n: (d: Record<string, string>, $: { column: string; from: number }) =>
      aq.op.parse_int(aq.op.substring(d[$.column], $.from), 10),
  });

describe('messyClickstream', () => {
  const m = messyClickstream({ seed: 7 });
  const { truth } = m;

  it('is reproducible and has the stated defect counts', () => {
    const again = messyClickstream({ seed: 7 });
    expect(again.events.objects()).toEqual(m.events.objects());
    expect(messyClickstream({ seed: 8 }).events.numRows()).not.toBe(m.events.numRows());
    const originals = m.events.numRows() - truth.duplicateEventIds.length;
    expect(truth.duplicateEventIds.length).toBe(Math.round(0.02 * originals));
    expect(truth.missing.dwell_s.length).toBe(Math.round(0.03 * originals));
    expect(truth.mistyped.dwell_s.length).toBe(Math.round(0.01 * originals));
    expect(truth.botSessions.length).toBe(50);
    expect(m.events.numRows()).toBeGreaterThan(15000);
  });

  it('profile finds exactly the injected duplicates, text numbers and impossible dates', () => {
    const p = profile(m.events, { key: 'event_id', maxSuspicious: 100000 });
    expect(p.duplicates.exact).toBe(truth.duplicateEventIds.length);
    expect(p.duplicates.onKey).toBe(truth.duplicateEventIds.length);
    const dwell = p.columns.find((c) => c.name === 'dwell_s')!;
    const ids = m.events.array('event_id') as string[];
    const flagged = new Set(
      dwell.suspicious.filter((s) => s.why === 'number stored as text').map((s) => ids[s.row]),
    );
    expect([...flagged].sort()).toEqual([...truth.mistyped.dwell_s].sort());
    const o = profile(m.orders, { maxSuspicious: 1000 });
    const refs = m.orders.array('order_ref') as string[];
    const at = o.columns.find((c) => c.name === 'ordered_at')!;
    expect(at.suspicious.map((s) => refs[s.row]).sort()).toEqual([...truth.impossibleDateOrderRefs].sort());
  });

  it('deduplicate removes exactly the injected copies', () => {
    const d = deduplicate(m.events, 'event_id');
    expect(d.numRows()).toBe(m.events.numRows() - truth.duplicateEventIds.length);
    const kept = new Set(truth.duplicateRows);
    const expected = (m.events.array('event_id') as string[]).filter((_, i) => !kept.has(i));
    expect(d.array('event_id')).toEqual(expected);
  });

  it('coerceNumbers recovers the mistyped values written with a point', () => {
    const c = coerceNumbers(deduplicate(m.events, 'event_id'), 'dwell_s');
    const ids = c.array('event_id') as string[];
    const v = c.array('dwell_s') as (number | null)[];
    const at = new Map(ids.map((id, i) => [id, v[i]]));
    let recovered = 0;
    for (const id of truth.mistyped.dwell_s) if (at.get(id) === truth.mistyped.values[id]) recovered++;
    // About one in ten was written with a decimal comma and becomes null without { decimalComma: true }.
    expect(recovered).toBeGreaterThan(0.8 * truth.mistyped.dwell_s.length);
    const all = coerceNumbers(deduplicate(m.events, 'event_id'), 'dwell_s', { decimalComma: true });
    const allValues = all.array('dwell_s') as number[];
    const v2 = new Map((all.array('event_id') as string[]).map((id, i) => [id, allValues[i]]));
    for (const id of truth.mistyped.dwell_s) expect(v2.get(id)).toBe(truth.mistyped.values[id]);
  });

  it('detectBots finds every fast and metronome bot, no person, and misses the stealth bots', () => {
    const b = detectBots(deduplicate(m.events, 'event_id'));
    const flagged = new Set(b.bots);
    const bots = truth.botSessions;
    const tp = bots.filter((s) => flagged.has(s)).length;
    const precision = tp / flagged.size;
    const recall = tp / bots.length;
    expect(precision).toBe(1);
    const detectable = bots.filter((s) => truth.botKinds[s] !== 'stealth');
    expect(detectable.every((s) => flagged.has(s))).toBe(true);
    expect(bots.filter((s) => truth.botKinds[s] === 'stealth').some((s) => flagged.has(s))).toBe(false);
    expect(recall).toBeCloseTo(detectable.length / bots.length, 12);
    const fast = b.sessions.find((s) => truth.botKinds[s.session] === 'fast')!;
    expect(fast.reasons[0]).toMatch(/^rate /);
    const metronome = b.sessions.find((s) => truth.botKinds[s.session] === 'metronome')!;
    expect(metronome.reasons.some((r) => r.startsWith('gap CV'))).toBe(true);
  });

  it('the join report names exactly the lost and orphan orders, once keys are mapped', () => {
    const purchases = withNumber(
      deduplicate(m.events, 'event_id').filter((d: { action: string }) => d.action === 'purchase'),
      'order_id',
      1,
    );
    const orders = withNumber(m.orders, 'order_ref', 4);
    const r = joinWithReport(purchases, orders, { on: 'n', how: 'full' });
    const num = (id: string) => Number(id.replace(/^\D+/, ''));
    expect([...r.unmatchedLeft].sort()).toEqual(truth.lostOrderIds.map(num).sort());
    expect([...r.unmatchedRight].sort()).toEqual(truth.orphanOrderRefs.map(num).sort());
    // Unmapped, nothing matches: the report says so.
    const raw = joinWithReport(purchases, m.orders, { on: ['order_id', 'order_ref'] });
    expect(raw.counts.resultRows).toBe(0);
    // Units and time zone of the matched rows: cents = 100 × euros; local time is UTC + 60 min, 5–90 s later (4–90 s once truncated to seconds).
    const j = r.table
      .filter((d: { value: number; amount_cents: number }) => d.value != null && d.amount_cents != null)
      .objects() as {
      value: number;
      amount_cents: number;
      timestamp: string;
      ordered_at: string;
      order_ref: string;
    }[];
    const bad = new Set(truth.impossibleDateOrderRefs);
    for (const row of j) {
      expect(row.amount_cents).toBe(Math.round(row.value * truth.unit.factor));
      if (bad.has(row.order_ref)) continue;
      const lag =
        (Date.parse(row.ordered_at.replace(' ', 'T') + 'Z') -
          truth.timezone.offsetMinutes * 60000 -
          Date.parse(row.timestamp)) /
        1000;
      expect(lag).toBeGreaterThan(4); // ordered_at is truncated to the second
      expect(lag).toBeLessThanOrEqual(90);
    }
  });

  it('checks its options', () => {
    expect(() => messyClickstream({ botShare: 2 })).toThrow(
      'messyClickstream: botShare must be a finite number in [0, 1], got 2',
    );
    expect(() => messyClickstream({ start: 'March' })).toThrow(/start must be an ISO date-time/);
  });
});
