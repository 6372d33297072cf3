/**
 * The train/test split `dplab recommend --split` asks for, on the rows read from the file:
 * `temporal` (train before `--cut`, test from it on; by default only user–item pairs new after the
 * cut), `random` (a seeded share of the pairs), `leave-last` (each user's last pair by date) or `none`
 * (fit on everything, no test set).
 */
import {
  buildInteractions,
  leaveLastOut,
  randomSplit,
  temporalSplit,
  type Interaction,
  type Interactions,
} from '../../recommend/index.ts';

/** The splits `--split` names. */
export const splitNames = ['temporal', 'random', 'leave-last', 'none'] as const;

/** The split options. */
export interface SplitOptions {
  split: (typeof splitNames)[number];
  cut?: string;
  newOnly?: boolean;
  test?: number;
  seed?: number;
}

/** Whether `s` names a split. */
export const isSplitName = (s: string): s is SplitOptions['split'] =>
  (splitNames as readonly string[]).includes(s);

/** Train and test (undefined for `none`), and a one-line description. */
export interface Split {
  train: Interactions;
  test?: Interactions;
  description: string;
}

/** Splits the rows; errors say which option is missing or wrong. */
export function splitRows(rows: readonly Interaction[], o: SplitOptions): Split {
  const hasTime = rows.every((r) => r.time !== undefined);
  switch (o.split) {
    case 'temporal': {
      if (o.cut === undefined) throw new Error('--split temporal needs --cut DATE, e.g. --cut 2011-11-01');
      if (!/^\d{4}-\d{2}-\d{2}/.test(o.cut) || !Number.isFinite(Date.parse(o.cut)))
        throw new Error(`--cut must be an ISO date such as 2011-11-01, got "${o.cut}"`);
      if (!hasTime) throw new Error('--split temporal needs a date column (name it with --date-col)');
      const newOnly = o.newOnly ?? true;
      const { train, test } = temporalSplit(rows, { cut: o.cut, newPairsOnly: newOnly });
      return {
        train,
        test,
        description: `temporal split at ${o.cut}${newOnly ? ', new user–item pairs only' : ', repeat pairs kept'}`,
      };
    }
    case 'random': {
      const share = o.test ?? 0.2;
      const seed = o.seed ?? 1;
      const { train, test } = randomSplit(buildInteractions(rows), { test: share, seed });
      return { train, test, description: `random split, ${share * 100} % of pairs held out (seed ${seed})` };
    }
    case 'leave-last': {
      if (!hasTime) throw new Error('--split leave-last needs a date column (name it with --date-col)');
      const { train, test } = leaveLastOut(buildInteractions(rows));
      return { train, test, description: "leave-last-out: each user's last item held out" };
    }
    case 'none':
      return { train: buildInteractions(rows), description: 'no split: fit on every row, no metrics' };
  }
}
