/**
 * `dplab recommend`: fits the chosen recommenders to an interactions CSV, ranks top-k items for every
 * warm user (one with history in train), scores the lists against a held-out test set and prints a
 * leaderboard, baselines first; `--param` sets a model's options (params.ts), `--out` writes the lists
 * as CSV or JSON. One algorithm failing is reported and the others go on.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { ItemContent } from '../../recommend/index.ts';
import { ProgressBar } from '../progress-bar.ts';
import {
  algorithm,
  algorithms,
  algorithmTask,
  type AlgorithmResult,
  type AlgorithmTask,
} from './algorithms.ts';
import { formatLeaderboard, keepUsers, leaderboard, usersWithHistory } from './leaderboard.ts';
import { runOnWorkers } from '../worker-pool.ts';
import { readInteractions, readItems, readText } from './read-interactions.ts';
import { isSplitName, splitNames, splitRows } from './split.ts';
import { formatNonDefault, formatParamList, parseParams } from './params.ts';
import {
  formatRecommendations,
  formatRecommendationsJson,
  outputFormat,
  outputFormats,
} from './write-recommendations.ts';

export const recommendUsage = `Usage: dplab recommend <interactions.csv[.gz] | -> [options]

Input: a CSV with columns user,item and optionally rating (or value) and date (ISO), one row per
user–item event; repeated pairs are summed. The Online Retail names customer_id, stock_code,
n_invoices and first_date are recognised too.

Options:
  --algos LIST      comma-separated, from: ${algorithms.map((a) => a.name).join(',')}
                    (default: all that can run; content and hybrid need --items)
  --k K             length of each list (default 10)
  --split S         temporal (needs --cut) | random | leave-last | none (default: temporal with
                    --cut, else random)
  --cut DATE        temporal split: train before DATE, test from it on
  --new-only        temporal split: test only user–item pairs new after the cut (the default)
  --repeat-pairs    temporal split: keep repeat purchases in the test set too
  --test SHARE      random split: share of pairs held out (default 0.2)
  --seed N          seed of the random split and of the models (default 1)
  --items FILE      items CSV (item or stock_code, description, other columns as attributes)
  --user-col NAME, --item-col NAME, --value-col NAME, --date-col NAME
                    the columns to use (default: detected from the header)
  --param A.O=V     set option O of algorithm A, e.g. --param als.factors=32 --param
                    itemknn.similarity=pearson (repeatable; an error lists the algorithm's options)
  --list-params     print every algorithm's options with their defaults, then exit
  --jobs N          algorithms run at once on worker threads (default 1, so timings don't share cores)
  --out FILE        write the lists to FILE: .csv (user,algo,rank,item,score) or .json (an array of
                    {user, algo, rank, item, score} objects)
  --quiet           no progress on stderr

Algorithms: ${algorithms.map((a) => `${a.name} = ${a.description}`).join('; ')}.`;

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number ≥ 1, got "${value}"`);
  return n;
}

/**
 * Runs the command; returns the exit code: 0 when every algorithm ran, 3 when some failed. A
 * mistake in the command line or the data (a bad flag, a bad `--param`, a bad row) is thrown, and
 * `dplab` prints it and exits 1, as `dplab forecast` does.
 */
export async function recommendCommand(argv: string[]): Promise<number> {
  const { values: opt, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      algos: { type: 'string' },
      k: { type: 'string' },
      split: { type: 'string' },
      cut: { type: 'string' },
      'new-only': { type: 'boolean' },
      'repeat-pairs': { type: 'boolean', default: false },
      test: { type: 'string' },
      seed: { type: 'string' },
      items: { type: 'string' },
      'user-col': { type: 'string' },
      'item-col': { type: 'string' },
      'value-col': { type: 'string' },
      'date-col': { type: 'string' },
      param: { type: 'string', multiple: true },
      'list-params': { type: 'boolean', default: false },
      jobs: { type: 'string' },
      out: { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
  });
  if (opt['list-params']) {
    console.log(formatParamList(algorithms.map((a) => a.name)));
    return 0;
  }
  if (positionals.length !== 1) throw new Error(`expected one interactions file (or -)\n\n${recommendUsage}`);
  const [file] = positionals;
  const k = positiveInt('k', opt.k, 10);
  const jobs = positiveInt('jobs', opt.jobs, 1);
  const seed = opt.seed === undefined ? 1 : Number(opt.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, got "${opt.seed}"`);
  const split = opt.split ?? (opt.cut ? 'temporal' : 'random');
  if (!isSplitName(split)) throw new Error(`unknown split "${split}": choose from ${splitNames.join(', ')}`);
  if (opt['new-only'] && opt['repeat-pairs'])
    throw new Error('--new-only and --repeat-pairs contradict each other');
  const share = opt.test === undefined ? undefined : Number(opt.test);
  if (share !== undefined && !(share > 0 && share < 1))
    throw new Error(`--test must be a share between 0 and 1, e.g. 0.2, got "${opt.test}"`);
  const format = opt.out === undefined ? undefined : outputFormat(opt.out);
  if (opt.out !== undefined && !format)
    throw new Error(`--out must end in ${outputFormats.join(' or ')}, got "${opt.out}"`);

  const requested = opt.algos
    ?.split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  requested?.forEach(algorithm);
  if (requested && !opt.items) {
    const needs = requested.filter((a) => algorithm(a).needsItems);
    if (needs.length)
      throw new Error(
        `${needs.join(' and ')} need${needs.length === 1 ? 's' : ''} item descriptions: pass --items items.csv`,
      );
  }
  const algos = requested ?? algorithms.filter((a) => opt.items || !a.needsItems).map((a) => a.name);
  const params = parseParams(
    opt.param ?? [],
    algorithms.map((a) => a.name),
    algos,
  );

  const source = file === '-' ? 'standard input' : file;
  const { rows, columns } = readInteractions(readText(file), source, {
    user: opt['user-col'],
    item: opt['item-col'],
    value: opt['value-col'],
    date: opt['date-col'],
  });
  let items: ItemContent[] | undefined;
  if (opt.items) items = readItems(readText(opt.items), opt.items, opt['item-col']);
  const {
    train,
    test: fullTest,
    description,
  } = splitRows(rows, {
    split,
    cut: opt.cut,
    newOnly: !opt['repeat-pairs'],
    test: share,
    seed,
  });
  const warm = usersWithHistory(train);
  const users: number[] = [];
  warm.forEach((w, u) => w && users.push(u));
  const test = fullTest ? keepUsers(fullTest, warm) : undefined;
  const evaluated = test ? usersWithHistory(test).reduce((s, f) => s + f, 0) : 0;
  if (!opt.quiet) {
    console.error(
      `${source}: ${rows.length} rows (user=${columns.user}, item=${columns.item}` +
        `${columns.value ? `, value=${columns.value}` : ''}${columns.date ? `, date=${columns.date}` : ''}); ` +
        `${train.userIds.length} users × ${train.itemIds.length} items; ${description}`,
    );
  }

  const tasks: AlgorithmTask[] = algos.map((algo) => ({
    algo,
    train,
    users,
    k,
    seed,
    ...(items ? { items } : {}),
    ...(params[algo] ? { params: params[algo] } : {}),
  }));
  const results: AlgorithmResult[] = [];
  // A bar on a terminal; elsewhere (logs, pipes) a line as each algorithm starts and ends.
  const bar = !opt.quiet && process.stderr.isTTY;
  const progress = bar && tasks.length > 1 ? new ProgressBar(tasks.length, 'algorithms') : undefined;
  await runOnWorkers(
    tasks,
    jobs,
    algorithmTask,
    (result) => {
      results.push(result);
      if (!opt.quiet && !bar) {
        console.error(
          result.error
            ? `  ${result.algo}: failed`
            : `  ${result.algo}: fit ${result.fitSeconds.toFixed(2)} s, recommend ${result.recommendSeconds.toFixed(2)} s`,
        );
      }
      progress?.tick();
    },
    (task) => {
      if (!opt.quiet && !bar) console.error(`  ${task.algo}: fitting …`);
    },
  );

  const failures = results.filter((r) => r.error);
  if (failures.length) {
    console.error(
      `${failures.length} algorithm${failures.length === 1 ? '' : 's'} failed (the others are reported):`,
    );
    console.error(failures.map((r) => `  ${r.algo}: ${r.error}`).join('\n'));
  }
  if (opt.out) {
    const order = new Map(algos.map((a, i) => [a, i]));
    const sorted = [...results].sort((a, b) => order.get(a.algo)! - order.get(b.algo)!);
    writeFileSync(
      opt.out,
      format === '.json' ? formatRecommendationsJson(sorted, train) : formatRecommendations(sorted, train),
    );
  }

  console.log(
    `${algos.length} algorithm${algos.length === 1 ? '' : 's'}, top ${k} for ${users.length} warm users; ${description}` +
      (test
        ? `; ${evaluated} users evaluated (warm users with test items; ${fullTest ? usersWithHistory(fullTest).reduce((s, f) => s + f, 0) - evaluated : 0} cold test users left out)`
        : ''),
  );
  console.log(formatLeaderboard(leaderboard(results, algos, train, test, k), k));
  const nonDefault = formatNonDefault(algos, params, seed);
  if (nonDefault) console.log(nonDefault);
  if (opt.out) console.log(`Recommendations written to ${opt.out}`);
  return failures.length ? 3 : 0;
}
