/**
 * Seeded synthetic card transactions with a rare fraud class whose patterns change over time, for
 * lessons on fraud detection, cost-based thresholds and explanations. Every transaction carries the
 * features a scorer would see (amount, merchant category, hour, device, velocity, the amount against
 * the customer's usual spend) and the truth: whether it was fraud, and which pattern.
 *
 * How it is made. Each customer has a usual spend (log-normal), one or two devices, favourite
 * categories and waking hours, and shops on about `ratePerDay` days' worth of a Poisson stream.
 * Frauds are injected as episodes on a random customer, at about `fraudRate` of all transactions:
 * - account takeover (the first half of the period mostly): a new device, at night, one to three
 *   large purchases in electronics, jewellery or travel;
 * - card testing (the second half mostly): a burst of four to eight small online payments within
 *   minutes, then one larger one.
 * The mix moves from one pattern to the other at `driftAt` (9 in 10 episodes takeovers before, 9 in
 * 10 card testing after), so a model trained on the
 * early months meets frauds it has seldom seen — the drift a fraud team lives with.
 */
import { SeededRandom } from '../stats/random.ts';

export const cardCategories = [
  'grocery',
  'fuel',
  'restaurant',
  'online',
  'electronics',
  'travel',
  'jewellery',
  'pharmacy',
] as const;
export type CardCategory = (typeof cardCategories)[number];

/** One transaction. */
export interface CardTransaction {
  id: number;
  /** Minutes since the start of the period. */
  minute: number;
  day: number;
  hour: number;
  customer: number;
  amount: number;
  category: CardCategory;
  device: string;
  /** The customer had not used this device before. */
  newDevice: boolean;
  /** The customer's transactions in the 60 minutes before this one. */
  velocity1h: number;
  /** The amount divided by the median of the customer's earlier amounts (1 for a first purchase). */
  amountRatio: number;
  /** 1 for fraud, 0 for a genuine purchase. */
  fraud: 0 | 1;
  /** The fraud's pattern (the truth), or null. */
  pattern: 'account-takeover' | 'card-testing' | null;
}

/** Options of {@link cardTransactions}. */
export interface CardTransactionOptions {
  customers?: number;
  days?: number;
  /** Genuine purchases per customer and day (default 1). */
  ratePerDay?: number;
  /** The share of transactions that are fraud, roughly (default 0.005). */
  fraudRate?: number;
  /** The share of the period after which card testing outnumbers account takeover (default 0.5). */
  driftAt?: number;
  seed?: number;
}

export const cardTransactionDefaults = {
  customers: 400,
  days: 120,
  ratePerDay: 1,
  fraudRate: 0.005,
  driftAt: 0.5,
  seed: 1,
} as const;

interface Customer {
  spend: number;
  devices: string[];
  favourites: CardCategory[];
  wake: number;
}

function checkOptions(o: Required<CardTransactionOptions>) {
  const whole = (name: string, v: number, min: number) => {
    if (!Number.isInteger(v) || v < min)
      throw new RangeError(`cardTransactions: ${name} must be a whole number ≥ ${min}, got ${v}`);
  };
  whole('customers', o.customers, 1);
  whole('days', o.days, 1);
  if (!(o.ratePerDay > 0 && o.ratePerDay <= 50))
    throw new RangeError(`cardTransactions: ratePerDay must be in (0, 50], got ${o.ratePerDay}`);
  if (!(o.fraudRate >= 0 && o.fraudRate < 0.5))
    throw new RangeError(`cardTransactions: fraudRate must be in [0, 0.5), got ${o.fraudRate}`);
  if (!(o.driftAt >= 0 && o.driftAt <= 1))
    throw new RangeError(`cardTransactions: driftAt must be in [0, 1], got ${o.driftAt}`);
}

/** Transactions in time order; see the module comment. */
export function cardTransactions(options: CardTransactionOptions = {}): CardTransaction[] {
  const o = { ...cardTransactionDefaults, ...options };
  checkOptions(o);
  const rng = new SeededRandom(o.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.uniform() * xs.length)]!;
  const customers: Customer[] = Array.from({ length: o.customers }, (_, c) => ({
    spend: Math.exp(rng.normal(3.3, 0.5)),
    devices: rng.uniform() < 0.3 ? [`c${c}-phone`, `c${c}-laptop`] : [`c${c}-phone`],
    favourites: [pick(cardCategories.slice(0, 4)), pick(cardCategories.slice(0, 4)), pick(cardCategories)],
    wake: 6 + Math.floor(rng.uniform() * 4),
  }));
  const minutes = o.days * 24 * 60;
  type Draft = Omit<CardTransaction, 'id' | 'day' | 'hour' | 'newDevice' | 'velocity1h' | 'amountRatio'>;
  const drafts: Draft[] = [];
  customers.forEach((c, customer) => {
    const count = Math.round(o.days * o.ratePerDay * (0.5 + rng.uniform()));
    for (let k = 0; k < count; k++) {
      const day = Math.floor(rng.uniform() * o.days);
      // Waking hours, mostly: from the customer's wake-up hour to about 22:00.
      const hour = Math.min(23, c.wake + Math.floor(rng.uniform() * (22 - c.wake)));
      drafts.push({
        minute: day * 1440 + hour * 60 + Math.floor(rng.uniform() * 60),
        customer,
        amount: Math.round(c.spend * Math.exp(rng.normal(0, 0.6)) * 100) / 100,
        category: rng.uniform() < 0.85 ? pick(c.favourites) : pick(cardCategories),
        device: pick(c.devices),
        fraud: 0,
        pattern: null,
      });
    }
  });
  // Fraud episodes: about fraudRate of the genuine count, in transactions.
  let frauds = 0;
  const target = Math.round(drafts.length * o.fraudRate);
  while (frauds < target) {
    const start = Math.floor(rng.uniform() * (minutes - 600));
    const customer = Math.floor(rng.uniform() * o.customers);
    const c = customers[customer]!;
    const late = start / minutes;
    // The mix drifts: before driftAt mostly takeovers (90 % of episodes), after it mostly card
    // testing (90 %). A card-testing episode has more rows (5–9 against 1–3), so in rows the shift is
    // from about half to almost all card testing.
    const takeover = rng.uniform() < (late < o.driftAt ? 0.9 : 0.1);
    if (takeover) {
      const night = Math.floor(start / 1440) * 1440 + (1 + Math.floor(rng.uniform() * 4)) * 60;
      const device = `stolen-${frauds}`;
      const n = 1 + Math.floor(rng.uniform() * 3);
      for (let k = 0; k < n && frauds < target; k++, frauds++) {
        drafts.push({
          minute: night + k * (5 + Math.floor(rng.uniform() * 30)),
          customer,
          amount: Math.round(c.spend * (4 + rng.uniform() * 12) * 100) / 100,
          category: pick(['electronics', 'jewellery', 'travel'] as const),
          device,
          fraud: 1,
          pattern: 'account-takeover',
        });
      }
    } else {
      const n = 4 + Math.floor(rng.uniform() * 5);
      const device = rng.uniform() < 0.5 ? pick(c.devices) : `bot-${frauds}`;
      for (let k = 0; k <= n && frauds < target; k++, frauds++) {
        drafts.push({
          minute: start + k * (1 + Math.floor(rng.uniform() * 4)),
          customer,
          amount:
            k < n ? Math.round((0.5 + rng.uniform() * 2.5) * 100) / 100 : Math.round(c.spend * 3 * 100) / 100,
          category: 'online',
          device,
          fraud: 1,
          pattern: 'card-testing',
        });
      }
    }
  }
  drafts.sort((a, b) => a.minute - b.minute || a.customer - b.customer);
  // Features that need each customer's past: devices seen, recent times, earlier amounts.
  const seen = customers.map(() => new Set<string>());
  const recent = customers.map(() => [] as number[]);
  const amounts = customers.map(() => [] as number[]);
  return drafts.map((d, id) => {
    const times = recent[d.customer]!;
    while (times.length && times[0]! < d.minute - 60) times.shift();
    const past = amounts[d.customer]!;
    const ratio = past.length ? d.amount / median(past) : 1;
    const newDevice = seen[d.customer]!.size > 0 && !seen[d.customer]!.has(d.device);
    const row: CardTransaction = {
      id,
      ...d,
      day: Math.floor(d.minute / 1440),
      hour: Math.floor((d.minute % 1440) / 60),
      newDevice,
      velocity1h: times.length,
      amountRatio: Math.round(ratio * 1000) / 1000,
    };
    times.push(d.minute);
    seen[d.customer]!.add(d.device);
    insertSorted(past, d.amount);
    return row;
  });
}

function insertSorted(xs: number[], x: number) {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  xs.splice(lo, 0, x);
}

function median(sorted: readonly number[]): number {
  const n = sorted.length;
  return n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
}
