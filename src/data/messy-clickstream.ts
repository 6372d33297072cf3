/**
 * A seeded, deliberately messy clickstream and a second source of orders, with every defect known,
 * for the data-quality lesson: a student runs `profile`, the cleaners and `detectBots`, and holds what
 * they found against `truth`.
 *
 * The clean world: `sessions` sessions over `days` days from `start`, a share `botShare` of them
 * scripts. A person's session has 1 + Geometric events (mean `meanHumanEvents`); the gaps between
 * them are log-normal with median 20 s and a per-session σ drawn in [0.6, 1.2] (people pause
 * irregularly); a person's session ends in a purchase with probability `purchaseRate` when it has at
 * least 3 events. Bots have 80–200 events and are of three kinds, in the proportions 45 : 45 : 10:
 * `fast` (gaps 0.5 s + Exponential(mean 1.5 s): ~30 events a minute, irregular), `metronome` (gaps
 * 12 s × (1 + 0.02·N(0,1)): slow but regular, CV ≈ 0.02) and `stealth` (log-normal gaps with median
 * 8 s, σ = 0.8: neither fast nor regular — a rate-and-regularity detector should miss them; they are
 * there so that recall is honestly below 1). `dwell_s` is the time to the session's next event
 * (log-normal for the last), to 0.1 s; `value` is a purchase's basket in euros (log-normal, median 40).
 *
 * Defects, each applied to a fixed number of rows chosen at random (the count is the rate × the
 * eligible rows, rounded), all listed in `truth`:
 * - duplicated events: `duplicateRate` (2 %) of events appear twice, the copy right after the
 *   original, identical in every column (a retried delivery);
 * - missing fields: `missingRate` (3 %) of events have `dwell_s` null, `missingPageRate` (1 %) `page`;
 * - mistyped fields: `mistypedRate` (1 %) of events have `dwell_s` as text ("12.5"), one in ten of
 *   those with a decimal comma ("12,5");
 * - orders with mismatched keys: events carry `order_id` "O000123", orders `order_ref` "ord-123"
 *   (the same number), and events' `user_id` "u0042" is orders' `customer` "U-42";
 * - lost and orphan orders: `lostOrderRate` (5 %) of purchases have no order; orders equal to
 *   `orphanOrderRate` (5 %) of the purchases have no purchase event (phone orders);
 * - time zones: events' `timestamp` is UTC ISO ("…Z"); orders' `ordered_at` is local time at UTC +
 *   `ordersOffsetMinutes` (60) written without an offset ("2026-03-02 11:15:30"), 5–90 s after the
 *   purchase event;
 * - units: events' `value` is in euros, orders' `amount_cents` in cents;
 * - impossible dates: `impossibleDateRate` (1 %) of orders have an `ordered_at` that is no calendar
 *   day (2026-02-30, 2026-04-31, month 13).
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { SeededRandom } from '../stats/random.ts';
import { permutation } from './draws.ts';
import { requireNumber } from './table-column.ts';

/** Options of {@link messyClickstream}; every one has a default (`messyClickstreamDefaults`). */
export interface MessyClickstreamOptions {
  seed?: number;
  /** Sessions in all, people and bots. Default 1,000 (about 20,000 events). */
  sessions?: number;
  /** Share of sessions that are bots. Default 0.05. */
  botShare?: number;
  /** First instant, ISO UTC. Default `'2026-03-02T00:00:00Z'`. */
  start?: string;
  /** Length of the window sessions start in. Default 7 days. */
  days?: number;
  /** Mean events of a person's session. Default 12. */
  meanHumanEvents?: number;
  /** Chance a person's session of 3 or more events ends in a purchase. Default 0.3. */
  purchaseRate?: number;
  duplicateRate?: number;
  missingRate?: number;
  missingPageRate?: number;
  mistypedRate?: number;
  lostOrderRate?: number;
  orphanOrderRate?: number;
  impossibleDateRate?: number;
  /** Orders' clock, minutes ahead of UTC. Default 60. */
  ordersOffsetMinutes?: number;
}

/** The defaults of {@link MessyClickstreamOptions}. */
export const messyClickstreamDefaults = {
  seed: 1,
  sessions: 1000,
  botShare: 0.05,
  start: '2026-03-02T00:00:00Z',
  days: 7,
  meanHumanEvents: 12,
  purchaseRate: 0.3,
  duplicateRate: 0.02,
  missingRate: 0.03,
  missingPageRate: 0.01,
  mistypedRate: 0.01,
  lostOrderRate: 0.05,
  orphanOrderRate: 0.05,
  impossibleDateRate: 0.01,
  ordersOffsetMinutes: 60,
} as const;

/** The kinds of bot session. */
export type BotKind = 'fast' | 'metronome' | 'stealth';

/** Everything that was done to the data. Ids are those in the tables. */
export interface ClickstreamTruth {
  botSessions: string[];
  botKinds: Record<string, BotKind>;
  /** Event ids that occur twice (each listed once), and the rows of the copies in `events`. */
  duplicateEventIds: string[];
  duplicateRows: number[];
  /** Event ids (of the originals) whose field was blanked. */
  missing: { dwell_s: string[]; page: string[] };
  /** Event ids whose `dwell_s` is text, and the number each text stands for. */
  mistyped: { dwell_s: string[]; values: Record<string, number> };
  /** Events' `order_id`s that have no order, and orders' `order_ref`s that have no purchase event. */
  lostOrderIds: string[];
  orphanOrderRefs: string[];
  /** Orders' `order_ref`s whose `ordered_at` is not a calendar date. */
  impossibleDateOrderRefs: string[];
  keyMapping: {
    events: 'order_id';
    orders: 'order_ref';
    rule: string;
    users: string;
    /** A few example pairs [events order_id, orders order_ref]. */
    examples: [string, string][];
  };
  timezone: { events: 'UTC'; orders: string; offsetMinutes: number };
  unit: { events: 'value, euros'; orders: 'amount_cents, cents'; factor: 100 };
  /** The options used, with defaults filled in. */
  options: Required<MessyClickstreamOptions>;
}

/** The generated tables and their truth. */
export interface MessyClickstream {
  /** event_id, session_id, user_id, timestamp, page, action, dwell_s, value, order_id. */
  events: ColumnTable;
  /** order_ref, customer, ordered_at, amount_cents, currency. */
  orders: ColumnTable;
  truth: ClickstreamTruth;
}

interface RawEvent {
  session: number;
  user: number;
  time: number;
  page: string | null;
  action: 'view' | 'add_to_cart' | 'purchase';
  dwell: number | string | null;
  value: number | null;
  order: number | null;
}

const PAGES = ['home', 'search', 'product', 'product', 'product', 'category', 'cart'];

const pad = (x: number, w: number): string => String(x).padStart(w, '0');

/** Generates the events, the orders and the truth (same options, same output). */
export function messyClickstream(options: MessyClickstreamOptions = {}): MessyClickstream {
  const o = { ...messyClickstreamDefaults, ...options } as Required<MessyClickstreamOptions>;
  const fn = 'messyClickstream';
  requireNumber(o.seed, fn, 'seed');
  const nSessions = Math.round(requireNumber(o.sessions, fn, 'sessions', 1, 100000));
  requireNumber(o.botShare, fn, 'botShare', 0, 1);
  requireNumber(o.days, fn, 'days', 1 / 24, 366);
  requireNumber(o.meanHumanEvents, fn, 'meanHumanEvents', 1, 1000);
  for (const k of [
    'purchaseRate',
    'duplicateRate',
    'missingRate',
    'missingPageRate',
    'mistypedRate',
    'lostOrderRate',
    'orphanOrderRate',
    'impossibleDateRate',
  ] as const) {
    requireNumber(o[k], fn, k, 0, 1);
  }
  if (o.missingRate + o.mistypedRate > 1)
    throw new RangeError(`${fn}: missingRate + mistypedRate must be ≤ 1`);
  requireNumber(o.ordersOffsetMinutes, fn, 'ordersOffsetMinutes', -720, 840);
  const t0 = Date.parse(o.start);
  if (!Number.isFinite(t0))
    throw new RangeError(
      `${fn}: start must be an ISO date-time such as '2026-03-02T00:00:00Z', got "${o.start}"`,
    );

  const rng = new SeededRandom(o.seed);
  const lognormal = (median: number, sigma: number): number => median * Math.exp(sigma * rng.normal());
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.uniform() * xs.length)];
  const nBots = Math.round(o.botShare * nSessions);
  const botSet = new Set(Array.from(permutation(rng, nSessions).subarray(0, nBots)));
  const nUsers = Math.max(1, Math.round(0.7 * (nSessions - nBots)));
  const raw: RawEvent[] = [];
  const botKinds: Record<string, BotKind> = {};
  let botIndex = 0;
  const nFast = Math.round(0.45 * nBots);
  const nMetronome = Math.round(0.45 * nBots);
  const botKindOrder = permutation(rng, nBots);
  const sessionId = (s: number): string => `s${pad(s + 1, 5)}`;

  for (let s = 0; s < nSessions; s++) {
    const startTime = t0 + rng.uniform() * o.days * 86400000;
    const times: number[] = [startTime];
    let user: number;
    if (botSet.has(s)) {
      const rank = botKindOrder[botIndex++];
      const kind: BotKind = rank < nFast ? 'fast' : rank < nFast + nMetronome ? 'metronome' : 'stealth';
      botKinds[sessionId(s)] = kind;
      user = nUsers + botIndex; // bots log in as accounts of their own
      const n = 80 + Math.floor(rng.uniform() * 121);
      for (let j = 1; j < n; j++) {
        const gap =
          kind === 'fast'
            ? 0.5 - 1.5 * Math.log(1 - rng.uniform())
            : kind === 'metronome'
              ? 12 * (1 + 0.02 * rng.normal())
              : lognormal(8, 0.8);
        times.push(times[j - 1] + gap * 1000);
      }
      for (let j = 0; j < n; j++) {
        const dwell = j < n - 1 ? (times[j + 1] - times[j]) / 1000 : lognormal(5, 0.5);
        raw.push({
          session: s,
          user,
          time: times[j],
          page: pick(PAGES),
          action: 'view',
          dwell: round1(dwell),
          value: null,
          order: null,
        });
      }
      continue;
    }
    user = Math.floor(rng.uniform() * nUsers);
    const sigma = 0.6 + 0.6 * rng.uniform();
    // 1 + Geometric(p) on {0, 1, …} with mean (1 − p)/p = meanHumanEvents − 1.
    const p = 1 / o.meanHumanEvents;
    const n = 1 + Math.floor(Math.log(1 - rng.uniform()) / Math.log(1 - p));
    for (let j = 1; j < n; j++) times.push(times[j - 1] + lognormal(20, sigma) * 1000);
    const buys = n >= 3 && rng.uniform() < o.purchaseRate;
    for (let j = 0; j < n; j++) {
      const dwell = j < n - 1 ? (times[j + 1] - times[j]) / 1000 : lognormal(20, sigma);
      const last = j === n - 1;
      const purchase = buys && last;
      const cart = !purchase && (buys ? j === n - 2 : rng.uniform() < 0.05);
      raw.push({
        session: s,
        user,
        time: times[j],
        page: purchase ? 'checkout' : cart ? 'cart' : j === 0 ? 'home' : pick(PAGES),
        action: purchase ? 'purchase' : cart ? 'add_to_cart' : 'view',
        dwell: round1(dwell),
        value: purchase ? Math.round(lognormal(40, 0.6) * 100) / 100 : null,
        order: purchase ? 0 : null,
      });
    }
  }
  raw.sort((a, b) => a.time - b.time || a.session - b.session);
  const n = raw.length;
  const eventIds = raw.map((_, i) => `e${pad(i + 1, 6)}`);

  // Order numbers: the purchases and the orphans share one shuffled range, so an orphan's number looks
  // like any other.
  const purchaseRows = raw.flatMap((e, i) => (e.action === 'purchase' ? [i] : []));
  const nOrphans = Math.round(o.orphanOrderRate * purchaseRows.length);
  const numbers = permutation(rng, purchaseRows.length + nOrphans);
  purchaseRows.forEach((row, j) => (raw[row].order = 1000 + numbers[j]));
  const orphanNumbers = Array.from(numbers.subarray(purchaseRows.length), (x) => 1000 + x);

  // Field defects on the original events.
  const fieldOrder = permutation(rng, n);
  const nMissing = Math.round(o.missingRate * n);
  const nMistyped = Math.round(o.mistypedRate * n);
  const missingDwell: number[] = Array.from(fieldOrder.subarray(0, nMissing));
  const mistypedDwell: number[] = Array.from(fieldOrder.subarray(nMissing, nMissing + nMistyped));
  const missingPage: number[] = Array.from(
    permutation(rng, n).subarray(0, Math.round(o.missingPageRate * n)),
  );
  for (const i of missingDwell) raw[i].dwell = null;
  for (const i of missingPage) raw[i].page = null;
  const mistypedValues: Record<string, number> = {};
  for (const i of mistypedDwell) {
    const x = raw[i].dwell as number;
    mistypedValues[eventIds[i]] = x;
    const text = x.toFixed(1);
    raw[i].dwell = rng.uniform() < 0.1 ? text.replace('.', ',') : text;
  }

  // Duplicates: copies right after their originals.
  const dupSet = new Set(Array.from(permutation(rng, n).subarray(0, Math.round(o.duplicateRate * n))));
  const cols = {
    event_id: [] as string[],
    session_id: [] as string[],
    user_id: [] as string[],
    timestamp: [] as string[],
    page: [] as (string | null)[],
    action: [] as string[],
    dwell_s: [] as (number | string | null)[],
    value: [] as (number | null)[],
    order_id: [] as (string | null)[],
  };
  const duplicateRows: number[] = [];
  const duplicateEventIds: string[] = [];
  const push = (i: number): void => {
    const e = raw[i];
    cols.event_id.push(eventIds[i]);
    cols.session_id.push(sessionId(e.session));
    cols.user_id.push(`u${pad(e.user + 1, 4)}`);
    cols.timestamp.push(new Date(e.time).toISOString());
    cols.page.push(e.page);
    cols.action.push(e.action);
    cols.dwell_s.push(e.dwell);
    cols.value.push(e.value);
    cols.order_id.push(e.order === null ? null : `O${pad(e.order, 6)}`);
  };
  for (let i = 0; i < n; i++) {
    push(i);
    if (dupSet.has(i)) {
      duplicateRows.push(cols.event_id.length);
      duplicateEventIds.push(eventIds[i]);
      push(i);
    }
  }

  // Orders: one per purchase that was not lost, plus the orphans; then sorted by their local time.
  const lostCount = Math.round(o.lostOrderRate * purchaseRows.length);
  const lost = new Set(
    Array.from(permutation(rng, purchaseRows.length).subarray(0, lostCount), (j) => purchaseRows[j]),
  );
  interface RawOrder {
    number: number;
    user: number;
    time: number;
    cents: number;
  }
  const rawOrders: RawOrder[] = [];
  for (const row of purchaseRows) {
    if (lost.has(row)) continue;
    const e = raw[row];
    rawOrders.push({
      number: e.order as number,
      user: e.user,
      time: e.time + (5 + 85 * rng.uniform()) * 1000,
      cents: Math.round((e.value as number) * 100),
    });
  }
  for (const number of orphanNumbers) {
    rawOrders.push({
      number,
      user: Math.floor(rng.uniform() * nUsers),
      time: t0 + rng.uniform() * o.days * 86400000,
      cents: Math.round(lognormal(40, 0.6) * 100),
    });
  }
  rawOrders.sort((a, b) => a.time - b.time || a.number - b.number);
  const offset = o.ordersOffsetMinutes * 60000;
  const orderedAt = rawOrders.map((r) =>
    new Date(r.time + offset).toISOString().slice(0, 19).replace('T', ' '),
  );
  const impossible = Array.from(
    permutation(rng, rawOrders.length).subarray(0, Math.round(o.impossibleDateRate * rawOrders.length)),
  );
  const badDays = ['02-29', '02-30', '02-31', '04-31', '06-31', '13-01'];
  for (const j of impossible) {
    const year = orderedAt[j].slice(0, 4);
    orderedAt[j] = `${year}-${pick(badDays)}${orderedAt[j].slice(10)}`;
  }
  const orderRef = (x: number): string => `ord-${x}`;
  const orders = aq.table({
    order_ref: rawOrders.map((r) => orderRef(r.number)),
    customer: rawOrders.map((r) => `U-${r.user + 1}`),
    ordered_at: orderedAt,
    amount_cents: rawOrders.map((r) => r.cents),
    currency: rawOrders.map(() => 'EUR'),
  });
  const h = Math.abs(o.ordersOffsetMinutes);
  const zone = `${o.ordersOffsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(h / 60), 2)}:${pad(h % 60, 2)}`;
  const truth: ClickstreamTruth = {
    botSessions: Object.keys(botKinds).sort(),
    botKinds,
    duplicateEventIds,
    duplicateRows,
    missing: {
      dwell_s: missingDwell.sort((a, b) => a - b).map((i) => eventIds[i]),
      page: missingPage.sort((a, b) => a - b).map((i) => eventIds[i]),
    },
    mistyped: {
      dwell_s: mistypedDwell.sort((a, b) => a - b).map((i) => eventIds[i]),
      values: mistypedValues,
    },
    lostOrderIds: [...lost].sort((a, b) => a - b).map((row) => `O${pad(raw[row].order as number, 6)}`),
    orphanOrderRefs: orphanNumbers.map(orderRef),
    impossibleDateOrderRefs: impossible.sort((a, b) => a - b).map((j) => orderRef(rawOrders[j].number)),
    keyMapping: {
      events: 'order_id',
      orders: 'order_ref',
      rule: 'events order_id "O001234" is orders order_ref "ord-1234": the same number',
      users: 'events user_id "u0042" is orders customer "U-42": the same number',
      examples: purchaseRows
        .slice(0, 3)
        .map((row) => [`O${pad(raw[row].order as number, 6)}`, orderRef(raw[row].order as number)]),
    },
    timezone: { events: 'UTC', orders: zone, offsetMinutes: o.ordersOffsetMinutes },
    unit: { events: 'value, euros', orders: 'amount_cents, cents', factor: 100 },
    options: o,
  };
  return { events: aq.table(cols), orders, truth };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
