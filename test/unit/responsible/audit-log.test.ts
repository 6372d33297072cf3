/** The audit log: a frozen, hash-chained record of decisions that a lesson can query and verify. */
import { describe, expect, it } from 'vitest';
import {
  auditLog,
  canonicalJson,
  fnv1a64,
  genesisHash,
  type AuditEntry,
} from '../../../src/responsible/audit-log.ts';

function sample() {
  const log = auditLog();
  const days = [
    '2026-03-01T09:00:00Z',
    '2026-03-02T10:00:00Z',
    '2026-03-03T11:00:00Z',
    '2026-03-04T12:00:00Z',
  ];
  days.forEach((time, i) =>
    log.record({
      time,
      model: i < 3 ? 'fraud-logit' : 'fraud-rule',
      version: i < 2 ? 'v1' : 'v2',
      subject: 100 + i,
      score: [0.9, 0.1, 0.7, 0.95][i]!,
      threshold: 0.5,
      decision: [0.9, 0.1, 0.7, 0.95][i]! >= 0.5 ? 'flag' : 'pass',
      reasons: i === 1 ? [] : [`amount ${i + 5}× the customer's median`, ...(i === 2 ? ['new device'] : [])],
    }),
  );
  return log;
}

describe('fnv1a64 and canonicalJson', () => {
  it('matches the FNV-1a 64-bit test vectors of the reference implementation (Landon Curt Noll, fnv test suite)', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });
  it('sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 'x' }] })).toBe('{"a":[{"c":"x","d":2}],"b":1}');
  });
});

describe('auditLog', () => {
  it('numbers, chains and freezes entries', () => {
    const log = sample();
    const e = log.entries();
    expect(e.map((x) => x.seq)).toEqual([0, 1, 2, 3]);
    expect(e[0]!.previousHash).toBe(genesisHash);
    for (let i = 1; i < e.length; i++) expect(e[i]!.previousHash).toBe(e[i - 1]!.hash);
    expect(e.every((x) => /^[0-9a-f]{16}$/.test(x.hash))).toBe(true);
    expect(Object.isFrozen(e[0])).toBe(true);
    expect(Object.isFrozen(e[0]!.reasons)).toBe(true);
    expect(() => {
      (e[0] as { score: number }).score = 0;
    }).toThrow(TypeError);
    // entries() is a new array: pushing to it does not change the log.
    e.push(e[0]!);
    expect(log.entries()).toHaveLength(4);
    expect(log.verify()).toEqual({ valid: true, checked: 4, firstInvalid: null });
  });

  it('verify finds an edited copy, a removed entry and an inserted one', () => {
    const log = sample();
    const edited: AuditEntry[] = log.entries().map((x) => ({ ...x }));
    edited[2] = { ...edited[2]!, decision: 'pass' };
    expect(log.verify(edited).firstInvalid).toMatchObject({ index: 2, seq: 2, problem: 'hash' });

    const spliced = log.entries();
    spliced.splice(1, 1);
    expect(log.verify(spliced)).toMatchObject({
      valid: false,
      firstInvalid: { index: 1, seq: 2, problem: 'link' },
    });

    const inserted = log.entries();
    inserted.splice(3, 0, { ...inserted[0]! });
    expect(log.verify(inserted).firstInvalid).toMatchObject({ index: 3, problem: 'link' });

    // Rehashing the edited entry alone still breaks the link of the next one.
    const forged = log.entries();
    const { hash: _drop, ...rest } = { ...forged[1]!, score: 0.99 };
    void _drop;
    forged[1] = { ...rest, hash: fnv1a64(canonicalJson(rest)) };
    expect(log.verify(forged).firstInvalid).toMatchObject({ index: 2, problem: 'link' });
    // And the log itself is untouched.
    expect(log.verify().valid).toBe(true);
  });

  it('queries by time (from inclusive, to exclusive), decision, reason, model and version', () => {
    const log = sample();
    const seqs = (q: Parameters<typeof log.query>[0]) => log.query(q).map((e) => e.seq);
    expect(seqs({})).toEqual([0, 1, 2, 3]);
    expect(seqs({ from: '2026-03-02T10:00:00Z', to: '2026-03-04T12:00:00Z' })).toEqual([1, 2]);
    expect(seqs({ decision: 'flag' })).toEqual([0, 2, 3]);
    expect(seqs({ reason: 'new device' })).toEqual([2]);
    expect(seqs({ reason: 'customer' })).toEqual([0, 2, 3]);
    expect(seqs({ model: 'fraud-logit', decision: 'flag' })).toEqual([0, 2]);
    expect(seqs({ version: 'v2' })).toEqual([2, 3]);
  });

  it('says what is wrong with a bad record or query', () => {
    const log = auditLog();
    const ok = {
      time: '2026-03-01T09:00:00Z',
      model: 'm',
      version: 'v1',
      subject: 'p1',
      score: 0.2,
      threshold: 0.5,
      decision: 'pass',
      reasons: [],
    };
    expect(() => log.record({ ...ok, time: 'yesterday' })).toThrow(/time must be a date-time/);
    expect(() => log.record({ ...ok, model: '' })).toThrow(/model must be a non-empty string/);
    expect(() => log.record({ ...ok, score: NaN })).toThrow(/score must be a finite number/);
    expect(() => log.record({ ...ok, reasons: [1] as unknown as string[] })).toThrow(
      /reasons must be an array/,
    );
    expect(() => log.query({ from: 'soon' })).toThrow(/from must be a date-time/);
    expect(log.entries()).toHaveLength(0);
  });
});
