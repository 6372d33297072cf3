import { describe, expect, it } from 'vitest';
import { simulateFeedbackLoop, type FeedbackRecommender } from 'dplab/simulate';

// Small runs (50 users × 200 items × 40 steps) keep the suite fast; the properties hold at 100 × 500 × 100.
const small = { users: 50, items: 200, steps: 40, pairs: 200, seed: 2 } as const;
const last = (recommender: FeedbackRecommender, epsilon = 0) => {
  const steps = simulateFeedbackLoop({ ...small, recommender, epsilon }).steps;
  return steps[steps.length - 1];
};

describe('simulateFeedbackLoop', () => {
  it('is deterministic by seed and returns one plain row per step', () => {
    const a = simulateFeedbackLoop({ ...small, recommender: 'content' });
    expect(a.steps).toHaveLength(40);
    expect(structuredClone(a)).toEqual(a);
    expect(simulateFeedbackLoop({ ...small, recommender: 'content' })).toEqual(a);
  });
  it('popularity homogenises more than ideal, random has the lowest Gini', () => {
    const ideal = last('ideal');
    const popularity = last('popularity');
    const random = last('random');
    expect(popularity.homogenisation).toBeGreaterThan(ideal.homogenisation);
    expect(ideal.utility).toBeGreaterThan(popularity.utility);
    for (const r of ['ideal', 'popularity', 'content', 'mf'] as const)
      expect(last(r).gini).toBeGreaterThan(random.gini);
  });
  it('exploration ε > 0 raises coverage', () => {
    expect(last('popularity', 0.2).coverage).toBeGreaterThan(last('popularity').coverage);
    expect(last('mf', 0.2).coverage).toBeGreaterThan(last('mf').coverage);
  });
  it('diversity re-ranking and user resets run and change the outcome', () => {
    const base = last('content');
    expect(simulateFeedbackLoop({ ...small, recommender: 'content', diversity: 0.5 }).steps[39]).not.toEqual(
      base,
    );
    const reset = simulateFeedbackLoop({ ...small, recommender: 'content', reset: 0.5 }).steps[39];
    expect(reset.homogenisation).toBeGreaterThan(base.homogenisation);
  });
  it('rejects bad options', () => {
    expect(() => simulateFeedbackLoop({ epsilon: 1.5 })).toThrow(/invalid epsilon: 1.5/);
    expect(() => simulateFeedbackLoop({ users: 1 })).toThrow(/invalid users: 1/);
    expect(() => simulateFeedbackLoop({ items: 50, steps: 100 })).toThrow(/invalid items: 50/);
    expect(() => simulateFeedbackLoop({ temperature: 0 })).toThrow(/invalid temperature: 0/);
    // @ts-expect-error an unknown recommender is reported at run time too
    expect(() => simulateFeedbackLoop({ recommender: 'svd' })).toThrow(/invalid recommender: svd/);
  });
});
