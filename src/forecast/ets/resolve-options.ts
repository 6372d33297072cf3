/**
 * Fills in `fitEts`'s defaults and rejects bad options with a message that says what is wrong.
 */
import { paramProblem, type Bounds } from './parameters.ts';
import { etsDefaults, type EtsOptions } from './types.ts';

export type ResolvedEtsOptions = Omit<
  Required<EtsOptions>,
  'alpha' | 'beta' | 'gamma' | 'phi' | 'initialStates'
> &
  Pick<EtsOptions, 'alpha' | 'beta' | 'gamma' | 'phi' | 'initialStates'>;

export function resolveOptions(options: EtsOptions): ResolvedEtsOptions {
  const o = { ...etsDefaults, ...stripUndefined(options) };
  oneOf('optCrit', o.optCrit, ['lik', 'amse', 'mse', 'sigma', 'mae']);
  oneOf('bounds', o.bounds, ['both', 'usual', 'admissible']);
  oneOf('ic', o.ic, ['aicc', 'aic', 'bic']);
  if (o.damped !== null && typeof o.damped !== 'boolean') {
    throw new RangeError(`invalid damped: ${String(o.damped)} (must be true, false or null to try both)`);
  }
  if (!Number.isInteger(o.nmse) || o.nmse < 1 || o.nmse > 30) {
    throw new RangeError(`invalid nmse: ${o.nmse} (must be an integer from 1 to 30)`);
  }
  if (!Number.isInteger(o.maxit) || o.maxit < 1) {
    throw new RangeError(`invalid maxit: ${o.maxit} (must be an integer ≥ 1)`);
  }
  for (const [name, bound] of [
    ['lower', o.lower],
    ['upper', o.upper],
  ] as const) {
    if (bound.length !== 4 || !bound.every(Number.isFinite)) {
      throw new RangeError(
        `invalid ${name}: [${bound.join(', ')}] (must be 4 finite numbers for alpha, beta, gamma, phi)`,
      );
    }
  }
  if (o.lower.some((l, i) => l > o.upper[i])) {
    throw new RangeError(
      `invalid bounds: lower [${o.lower.join(', ')}] exceeds upper [${o.upper.join(', ')}]`,
    );
  }
  for (const name of ['alpha', 'beta', 'gamma', 'phi'] as const) {
    const v = options[name];
    if (v !== undefined && !Number.isFinite(v)) {
      throw new RangeError(`invalid ${name}: ${v} (must be a finite number, or left out to estimate it)`);
    }
  }
  // A fixed parameter outside its bounds can never be fitted: say which, before trying any model.
  const fixed = { alpha: options.alpha, beta: options.beta, gamma: options.gamma, phi: options.phi };
  if (Object.values(fixed).some((v) => v !== undefined)) {
    const lower: Bounds = [...o.lower];
    const upper: Bounds = [...o.upper];
    const usual = paramProblem(fixed, lower, upper, o.bounds === 'admissible' ? 'admissible' : 'usual', 1);
    if (usual !== null && o.bounds !== 'admissible')
      throw new RangeError(`invalid fixed parameter: ${usual}`);
  }
  return o;
}

function oneOf(name: string, value: string, allowed: readonly string[]): void {
  if (!allowed.includes(value)) {
    throw new RangeError(
      `invalid ${name}: ${String(value)} (must be one of ${allowed.map((a) => `'${a}'`).join(', ')})`,
    );
  }
}

/** `{ alpha: undefined }` must not override a default. */
function stripUndefined<T extends object>(options: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(options) as (keyof T)[]) {
    if (options[key] !== undefined) out[key] = options[key];
  }
  return out;
}
