/**
 * A privacy-budget accountant under basic sequential composition (Dwork & Roth 2014, Theorem 3.16):
 * running mechanisms that are (ε₁, δ₁)-, …, (ε_k, δ_k)-DP on the same data is (Σε, Σδ)-DP. It refuses
 * a spend that would exceed the budget, as diffprivlib's `BudgetAccountant` (with `slack = 0`) does.
 * (Advanced composition, diffprivlib's `slack`, is not implemented.)
 */
import { checkEpsilon } from './privacy-checks.ts';

/** An (ε, δ) amount of privacy budget. */
export interface Budget {
  epsilon: number;
  delta: number;
}

/** One recorded spend. */
export interface BudgetSpend extends Budget {
  /** What it was spent on, if the caller said. */
  label?: string;
}

/** Options of {@link privacyAccountant}. */
export interface PrivacyAccountantOptions {
  /** The total ε allowed. Default Infinity (only track). */
  epsilon?: number;
  /** The total δ allowed, in [0, 1]. Default 0 (pure ε-DP) when `epsilon` is given, else 1. */
  delta?: number;
}

/** The accountant: spends are recorded in order; `spend` throws when the budget would be exceeded. */
export interface PrivacyAccountant {
  /** The budget it was created with. */
  readonly budget: Budget;
  /** Records a spend, or throws a RangeError saying what is left. Returns what remains after it. */
  spend(epsilon: number, delta?: number, label?: string): Budget;
  /** Whether a spend would fit, without recording it. */
  canSpend(epsilon: number, delta?: number): boolean;
  /** The total spent so far. */
  spent(): Budget;
  /** What is left. */
  remaining(): Budget;
  /** The spends so far, oldest first (a copy). */
  history(): BudgetSpend[];
}

// Sums of many small ε rarely hit the budget exactly in floating point; allow this much rounding.
const tolerance = 1e-12;

/** A new accountant with the given total budget. */
export function privacyAccountant(options: PrivacyAccountantOptions = {}): PrivacyAccountant {
  // As diffprivlib's BudgetAccountant: with no ε given the accountant only tracks (δ up to 1).
  const budget = {
    epsilon: options.epsilon ?? Infinity,
    delta: options.delta ?? (options.epsilon === undefined ? 1 : 0),
  };
  if (!(budget.epsilon > 0)) {
    throw new RangeError(
      `invalid epsilon budget: ${budget.epsilon} (must be > 0, or Infinity to only track)`,
    );
  }
  if (!(budget.delta >= 0 && budget.delta <= 1)) {
    throw new RangeError(`invalid delta budget: ${budget.delta} (must be in [0, 1])`);
  }
  const spends: BudgetSpend[] = [];
  const spent = (): Budget => ({
    epsilon: spends.reduce((s, b) => s + b.epsilon, 0),
    delta: spends.reduce((s, b) => s + b.delta, 0),
  });
  const remaining = (): Budget => {
    const used = spent();
    return {
      epsilon: Math.max(0, budget.epsilon - used.epsilon),
      delta: Math.max(0, budget.delta - used.delta),
    };
  };
  const check = (epsilon: number, delta: number): void => {
    checkEpsilon(epsilon);
    if (!(delta >= 0 && delta < 1)) {
      throw new RangeError(`invalid delta: ${delta} (must be in [0, 1); 0 for pure ε-DP)`);
    }
  };
  const fits = (epsilon: number, delta: number): boolean => {
    const left = remaining();
    return epsilon <= left.epsilon + tolerance && delta <= left.delta + tolerance;
  };
  return {
    budget: { ...budget },
    spend(epsilon, delta = 0, label) {
      check(epsilon, delta);
      if (!fits(epsilon, delta)) {
        const left = remaining();
        throw new RangeError(
          `privacy budget exceeded: spending (ε = ${epsilon}, δ = ${delta}) needs more than is left ` +
            `(ε = ${left.epsilon}, δ = ${left.delta} of ε = ${budget.epsilon}, δ = ${budget.delta}); ` +
            `ask a smaller ε or answer fewer queries`,
        );
      }
      spends.push(label === undefined ? { epsilon, delta } : { epsilon, delta, label });
      return remaining();
    },
    canSpend(epsilon, delta = 0) {
      check(epsilon, delta);
      return fits(epsilon, delta);
    },
    spent,
    remaining,
    history: () => spends.map((s) => ({ ...s })),
  };
}
