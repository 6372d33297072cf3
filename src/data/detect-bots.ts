/**
 * `detectBots(events)`: per session, how fast and how regular its events are, and whether that looks
 * like a script. Two rules, each with a threshold a lesson can move:
 *
 * - rate: more than `maxRatePerMinute` events a minute, (n − 1) gaps over the session's span — no
 *   person reads 20 pages a minute for long;
 * - regularity: the coefficient of variation (sd/mean, sd with n − 1) of the gaps between consecutive
 *   events below `minRegularityCv` — people pause irregularly (their gaps are roughly log-normal, CV
 *   near 1 or more), a scheduler fires at nearly fixed intervals (CV near 0).
 *
 * These are the "rate" and "periodicity" signals of web-robot detection (Tan & Kumar, "Discovery of
 * web robot sessions based on their navigational patterns", *Data Mining and Knowledge Discovery*
 * 6(1), 2002, use request rate and timing among their session features). A session needs
 * `minEvents` events for either rule to apply: with few events both statistics are noise.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { isMissing, requireColumn, requireNumber, requireTable } from './table-column.ts';

/** Options of {@link detectBots}; every one has a default (`detectBotsDefaults`). */
export interface DetectBotsOptions {
  /** The session column. Default `'session_id'`. */
  session?: string;
  /** The time column: ISO strings, `Date`s or epoch milliseconds. Default `'timestamp'`. */
  time?: string;
  /** A session faster than this many events a minute is a bot. Default 20. */
  maxRatePerMinute?: number;
  /** A session whose gaps have a CV below this is a bot. Default 0.25. */
  minRegularityCv?: number;
  /** Fewest events a session needs before a rule applies. Default 10. */
  minEvents?: number;
}

/** The defaults of {@link DetectBotsOptions}. */
export const detectBotsDefaults = {
  session: 'session_id',
  time: 'timestamp',
  maxRatePerMinute: 20,
  minRegularityCv: 0.25,
  minEvents: 10,
} as const;

/** One session's features and verdict. */
export interface SessionFeatures {
  session: string;
  events: number;
  /** From its first to its last event. */
  durationSeconds: number;
  /** (events − 1) per minute of duration; Infinity when all events share one instant. */
  ratePerMinute: number;
  /** CV of the gaps between consecutive events (NaN with fewer than 2 gaps or a zero mean gap). */
  gapCv: number;
  bot: boolean;
  /** Which rules fired, in words (empty for a person). */
  reasons: string[];
}

/** What {@link detectBots} returns. */
export interface BotDetection {
  /** Every session, in order of first appearance. */
  sessions: SessionFeatures[];
  /** The sessions judged bots. */
  bots: string[];
  /** Rows skipped because their time could not be read, or their session was missing. */
  skippedRows: number;
  /** `sessions` as an arquero table (reasons joined by '; '), for display. */
  table: ColumnTable;
}

/** Reads an event time as epoch milliseconds (NaN when it cannot be read). */
export function eventTime(v: unknown): number {
  if (typeof v === 'number') return v;
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'string') return Date.parse(v);
  return NaN;
}

/** Session features and the bot verdict of each session of an event table. */
export function detectBots(events: ColumnTable, options: DetectBotsOptions = {}): BotDetection {
  const t = requireTable(events, 'detectBots', 'events');
  const o = { ...detectBotsDefaults, ...options };
  const sessionCol = requireColumn(t, o.session, 'detectBots', 'session');
  const timeCol = requireColumn(t, o.time, 'detectBots', 'time');
  const maxRate = requireNumber(o.maxRatePerMinute, 'detectBots', 'maxRatePerMinute', Number.MIN_VALUE);
  const minCv = requireNumber(o.minRegularityCv, 'detectBots', 'minRegularityCv', 0);
  const minEvents = requireNumber(o.minEvents, 'detectBots', 'minEvents', 3);

  const ss = t.array(sessionCol) as ArrayLike<unknown>;
  const ts = t.array(timeCol) as ArrayLike<unknown>;
  const bySession = new Map<string, number[]>();
  let skippedRows = 0;
  for (let i = 0; i < ss.length; i++) {
    const time = eventTime(ts[i]);
    if (isMissing(ss[i]) || !Number.isFinite(time)) {
      skippedRows++;
      continue;
    }
    const key = String(ss[i]);
    const list = bySession.get(key);
    if (list) list.push(time);
    else bySession.set(key, [time]);
  }

  const sessions: SessionFeatures[] = [];
  for (const [session, times] of bySession) {
    times.sort((a, b) => a - b);
    const n = times.length;
    const span = times[n - 1] - times[0];
    const rate = n < 2 ? 0 : span === 0 ? Infinity : (n - 1) / (span / 60000);
    let cv = NaN;
    if (n >= 3) {
      const gaps = new Float64Array(n - 1);
      for (let j = 1; j < n; j++) gaps[j - 1] = (times[j] - times[j - 1]) / 1000;
      const mean = gaps.reduce((s, g) => s + g, 0) / gaps.length;
      const ss2 = gaps.reduce((s, g) => s + (g - mean) ** 2, 0);
      const sd = Math.sqrt(ss2 / (gaps.length - 1));
      cv = mean > 0 ? sd / mean : NaN;
    }
    const reasons: string[] = [];
    if (n >= minEvents) {
      if (rate > maxRate) reasons.push(`rate ${fmt(rate)}/min > ${maxRate}`);
      if (cv < minCv) reasons.push(`gap CV ${fmt(cv)} < ${minCv}`);
    }
    sessions.push({
      session,
      events: n,
      durationSeconds: span / 1000,
      ratePerMinute: rate,
      gapCv: cv,
      bot: reasons.length > 0,
      reasons,
    });
  }
  const table = aq.table({
    session: sessions.map((s) => s.session),
    events: sessions.map((s) => s.events),
    duration_s: sessions.map((s) => s.durationSeconds),
    rate_per_min: sessions.map((s) => s.ratePerMinute),
    gap_cv: sessions.map((s) => s.gapCv),
    bot: sessions.map((s) => s.bot),
    reasons: sessions.map((s) => s.reasons.join('; ')),
  });
  return { sessions, bots: sessions.filter((s) => s.bot).map((s) => s.session), skippedRows, table };
}

function fmt(x: number): string {
  return Number.isFinite(x) ? String(+x.toPrecision(3)) : String(x);
}
