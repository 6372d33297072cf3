/**
 * The demand distributions the inventory models take, and their check. A distribution describes the
 * demand of one period (a day, a week) unless the function says otherwise.
 */

/** Normal demand N(mean, sd²) (continuous; negative values are tolerated as the book does). */
export interface NormalDemand {
  dist: 'normal';
  mean: number;
  sd: number;
}

/** Poisson demand with the given mean (discrete: quantities are whole units). */
export interface PoissonDemand {
  dist: 'poisson';
  mean: number;
}

/**
 * Demand given by equally likely samples, e.g. a forecast's simulated paths or its past errors added to
 * the point forecast. Exact under the empirical distribution of the samples.
 */
export interface EmpiricalDemand {
  dist: 'empirical';
  samples: readonly number[];
}

export type Demand = NormalDemand | PoissonDemand | EmpiricalDemand;

/** Throws a RangeError naming `name` unless `value` is a finite number ≥ 0 (> 0 when `positive`). */
export function checkCost(value: unknown, name: string, positive = true): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (positive && value === 0)) {
    throw new RangeError(`${name} must be a finite number ${positive ? '> 0' : '≥ 0'}, got ${String(value)}`);
  }
  return value;
}

/** Throws unless `value` is a whole number ≥ 0. */
export function checkWhole(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number ≥ 0, got ${String(value)}`);
  }
  return value;
}

/** Checks a demand description; the message lists the allowed shapes. */
export function checkDemand(
  demand: unknown,
  allowed: readonly Demand['dist'][] = ['normal', 'poisson', 'empirical'],
): Demand {
  const shapes: Record<Demand['dist'], string> = {
    normal: "{ dist: 'normal', mean, sd }",
    poisson: "{ dist: 'poisson', mean }",
    empirical: "{ dist: 'empirical', samples }",
  };
  const d = demand as Partial<Record<string, unknown>> | undefined;
  if (!d || typeof d !== 'object' || !allowed.includes(d.dist as Demand['dist'])) {
    throw new TypeError(
      `demand must be one of ${allowed.map((a) => shapes[a]).join(', ')}; got ${JSON.stringify(d?.dist ?? d)}`,
    );
  }
  switch (d.dist) {
    case 'normal': {
      if (typeof d.mean !== 'number' || !Number.isFinite(d.mean))
        throw new RangeError(`demand.mean must be a finite number, got ${String(d.mean)}`);
      checkCost(d.sd, 'demand.sd', false);
      return d as unknown as NormalDemand;
    }
    case 'poisson':
      checkCost(d.mean, 'demand.mean', false);
      return d as unknown as PoissonDemand;
    default: {
      const s = d.samples as unknown;
      if (!Array.isArray(s) || s.length === 0)
        throw new RangeError('demand.samples must be a non-empty array of finite numbers');
      const bad = s.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
      if (bad >= 0)
        throw new RangeError(`demand.samples[${bad}] is ${String(s[bad])}: samples must be finite numbers`);
      return d as unknown as EmpiricalDemand;
    }
  }
}
