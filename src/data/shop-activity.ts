/**
 * How much and when the synthetic shop's customers buy (see synthetic-shop.ts for the calibration to
 * the UCI Online Retail data).
 */
import { normalQuantile } from '../stats/normal-quantile.ts';
import type { SeededRandom } from '../stats/random.ts';
import { permutation } from './draws.ts';

const day = 86_400_000;
/** Mean length of a customer's active period, in days (exponential). */
const lifetime = 1000;

/**
 * Items per customer from the real shop's quantile function (see synthetic-shop.ts), scaled by
 * bisection so that the total is round(density · customers · items), each at least 1.
 */
export function itemsPerCustomer(m: number, items: number, density: number, rng: SeededRandom): Int32Array {
  const cap = Math.max(1, Math.round(0.48 * items));
  const wholesalers = Math.round(m / 2000);
  const target = Math.round(density * m * items) - wholesalers * cap;
  const shape = new Float64Array(m - wholesalers);
  for (let r = 0; r < shape.length; r++) {
    const z = normalQuantile((r + 0.5) / m);
    shape[r] = Math.exp(1.208 * z - 0.0898 * z * z);
  }
  const total = (s: number) =>
    shape.reduce((acc, q) => acc + Math.min(cap, Math.max(1, Math.round(s * q))), 0);
  if (total(0) > target || total(Infinity) < target) {
    throw new RangeError(
      `density ${density} cannot be reached with ${m} customers and ${items} items (each customer buys 1…${cap} items); choose a density between ${(total(0) / (m * items)).toPrecision(2)} and ${(total(Infinity) / (m * items)).toPrecision(2)}`,
    );
  }
  let lo = 0;
  let hi = 1;
  while (total(hi) < target) hi *= 2;
  for (let it = 0; it < 60; it++) {
    const mid = (lo + hi) / 2;
    if (total(mid) < target) lo = mid;
    else hi = mid;
  }
  const counts = [
    ...shape.map((q) => Math.min(cap, Math.max(1, Math.round(hi * q)))),
    ...Array(wholesalers).fill(cap),
  ];
  const order = permutation(rng, m);
  return Int32Array.from(order, (r) => counts[r]);
}

/**
 * The days a customer shops: the arrival day and ⌊√n·U⌉ more, uniform over the customer's active
 * period, which lasts an exponential time with mean 1,000 days (customers lapse), sorted.
 */
export function visitDays(since: number, end: number, n: number, rng: SeededRandom): number[] {
  const more = Math.round(Math.sqrt(n) * rng.uniform());
  const until = Math.min(end, since + (1 - Math.log(1 - rng.uniform()) * lifetime) * day);
  const days = [since];
  for (let v = 0; v < more; v++) days.push(since + Math.floor((rng.uniform() * (until - since)) / day) * day);
  return days.sort((a, b) => a - b);
}

/** A uniformly chosen visit on or after the item's launch (there is one: the item was available). */
export function purchaseDay(visits: number[], launch: number, rng: SeededRandom): number {
  let first = 0;
  while (visits[first] < launch) first++;
  return visits[first + Math.floor(rng.uniform() * (visits.length - first))];
}
