/**
 * `dplab recommend`: fits the chosen recommenders to an interactions CSV, ranks top-k items for every
 * warm user (one with history in train), scores the lists against a held-out test set and prints a
 * leaderboard, baselines first; `--param` sets a model's options (params.ts), `--out` writes the lists
 * as CSV or JSON. One algorithm failing is reported and the others go on.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Interactions, ItemContent } from '../../recommend/index.ts';
import { commaList, outputFormat, positiveInt, wholeNumber, type OutputFormat } from '../args.ts';
import { ProgressBar } from '../progress-bar.ts';
import { runOnWorkers } from '../worker-pool.ts';
import { algorithm, algorithmNames, algorithms } from './algorithms.ts';
import { formatLeaderboard, keepUsers, leaderboard, usersWithHistory } from './leaderboard.ts';
import { formatNonDefault, formatParamList, parseParams, type AlgorithmParams } from './params.ts';
import { readInteractions, readItems, readText, type ColumnOptions } from './read-interactions.ts';
import { algorithmTask, type AlgorithmResult, type AlgorithmTask } from './run-algorithm.ts';
import { isSplitName, splitNames, splitRows, type SplitOptions } from './split.ts';
import { formatRecommendations, formatRecommendationsJson } from './write-recommendations.ts';

export const recommendUsage = `Usage: dplab recommend <interactions.csv[.gz] | -> [options]

Input: a CSV with columns user,item and optionally rating (or value) and date (ISO), one row per
user–item event; repeated pairs are summed. The Online Retail names customer_id, stock_code,
n_invoices and first_date are recognised too.

Options:
  --algos LIST      comma-separated, from: ${algorithmNames.join(',')}
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

Algorithms: ${algorithms.map((a) => `${a.cli} = ${a.label}`).join('; ')}.`;

/** The command line, parsed but not yet checked. */
function parseFlags(argv: string[]) {
  return parseArgs({
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
}

type Flags = ReturnType<typeof parseFlags>['values'];

/** A checked command line: what to read, how to split it, which algorithms to run and how. */
interface RecommendRun {
  file: string;
  /** The input's name in messages. */
  source: string;
  columns: ColumnOptions;
  itemsFile?: string;
  split: SplitOptions;
  k: number;
  jobs: number;
  seed: number;
  algos: string[];
  params: Record<string, AlgorithmParams>;
  out?: { file: string; format: OutputFormat };
  quiet: boolean;
}

/**
 * Runs the command; returns the exit code: 0 when every algorithm ran, 3 when some failed. A
 * mistake in the command line or the data (a bad flag, a bad `--param`, a bad row) is thrown, and
 * `dplab` prints it and exits 1, as `dplab forecast` does.
 */
export async function recommendCommand(argv: string[]): Promise<number> {
  const { values: opt, positionals } = parseFlags(argv);
  if (opt['list-params']) {
    console.log(formatParamList(algorithmNames));
    return 0;
  }
  const run = checkFlags(opt, positionals);
  const data = readData(run);
  const results = await runAlgorithms(run, data);
  const failures = reportFailures(results);
  if (run.out) writeLists(run.out, run.algos, results, data.train);
  printReport(run, data, results);
  return failures ? 3 : 0;
}

/** Checks every flag, in the order a reader scans them; a usage error names the first wrong one. */
function checkFlags(opt: Flags, positionals: string[]): RecommendRun {
  if (positionals.length !== 1) throw new Error(`expected one interactions file (or -)\n\n${recommendUsage}`);
  const [file] = positionals;
  const k = positiveInt('k', opt.k, 10);
  const jobs = positiveInt('jobs', opt.jobs, 1);
  const seed = wholeNumber('seed', opt.seed, 1);
  const split = opt.split ?? (opt.cut ? 'temporal' : 'random');
  if (!isSplitName(split)) throw new Error(`unknown split "${split}": choose from ${splitNames.join(', ')}`);
  if (opt['new-only'] && opt['repeat-pairs'])
    throw new Error('--new-only and --repeat-pairs contradict each other');
  const share = opt.test === undefined ? undefined : Number(opt.test);
  if (share !== undefined && !(share > 0 && share < 1))
    throw new Error(`--test must be a share between 0 and 1, e.g. 0.2, got "${opt.test}"`);
  const out = opt.out === undefined ? undefined : { file: opt.out, format: outputFormat(opt.out) };
  const algos = chooseAlgorithms(opt.algos, Boolean(opt.items));
  return {
    file,
    source: file === '-' ? 'standard input' : file,
    columns: { user: opt['user-col'], item: opt['item-col'], value: opt['value-col'], date: opt['date-col'] },
    itemsFile: opt.items,
    split: { split, cut: opt.cut, newOnly: !opt['repeat-pairs'], test: share, seed },
    k,
    jobs,
    seed,
    algos,
    params: parseParams(opt.param ?? [], algorithmNames, algos),
    out,
    quiet: opt.quiet,
  };
}

/**
 * The algorithms to run: those of `--algos` (each checked, and an error when one needs the items file
 * and there is none), or every algorithm that can run.
 */
function chooseAlgorithms(list: string | undefined, hasItems: boolean): string[] {
  if (list === undefined) return algorithms.filter((a) => hasItems || !a.needsContent).map((a) => a.cli);
  const requested = commaList(list);
  requested.forEach(algorithm);
  const needs = hasItems ? [] : requested.filter((a) => algorithm(a).needsContent);
  if (needs.length)
    throw new Error(
      `${needs.join(' and ')} need${needs.length === 1 ? 's' : ''} item descriptions: pass --items items.csv`,
    );
  return requested;
}

/** The data of a run: train and test sets, the warm users to rank for, the items' content. */
interface RunData {
  train: Interactions;
  /** The test set of the warm users (those with history in train); undefined without a split. */
  test?: Interactions;
  description: string;
  /** Dense indices of the warm users. */
  users: number[];
  /** Warm test users evaluated, and cold test users left out. */
  evaluated: number;
  coldTestUsers: number;
  items?: ItemContent[];
}

/** Reads and splits the input and keeps the warm users; tells on stderr what was read. */
function readData(run: RecommendRun): RunData {
  const { rows, columns } = readInteractions(readText(run.file), run.source, run.columns);
  const items = run.itemsFile
    ? readItems(readText(run.itemsFile), run.itemsFile, run.columns.item)
    : undefined;
  const { train, test: fullTest, description } = splitRows(rows, run.split);
  const warm = usersWithHistory(train);
  const users: number[] = [];
  warm.forEach((w, u) => w && users.push(u));
  const test = fullTest ? keepUsers(fullTest, warm) : undefined;
  const count = (x: Interactions | undefined) => (x ? usersWithHistory(x).reduce((s, f) => s + f, 0) : 0);
  const evaluated = count(test);
  if (!run.quiet) {
    console.error(
      `${run.source}: ${rows.length} rows (user=${columns.user}, item=${columns.item}` +
        `${columns.value ? `, value=${columns.value}` : ''}${columns.date ? `, date=${columns.date}` : ''}); ` +
        `${train.userIds.length} users × ${train.itemIds.length} items; ${description}`,
    );
  }
  return { train, test, description, users, evaluated, coldTestUsers: count(fullTest) - evaluated, items };
}

/** Runs every algorithm on `run.jobs` worker threads, with progress on stderr unless `--quiet`. */
async function runAlgorithms(run: RecommendRun, data: RunData): Promise<AlgorithmResult[]> {
  const { train, users, items } = data;
  const tasks: AlgorithmTask[] = run.algos.map((algo) => ({
    algo,
    train,
    users,
    k: run.k,
    seed: run.seed,
    ...(items ? { items } : {}),
    ...(run.params[algo] ? { params: run.params[algo] } : {}),
  }));
  const results: AlgorithmResult[] = [];
  // A bar on a terminal; elsewhere (logs, pipes) a line as each algorithm starts and ends.
  const bar = !run.quiet && process.stderr.isTTY;
  const lines = !run.quiet && !bar;
  const progress = bar && tasks.length > 1 ? new ProgressBar(tasks.length, 'algorithms') : undefined;
  await runOnWorkers(
    tasks,
    run.jobs,
    algorithmTask,
    (result) => {
      results.push(result);
      if (lines) {
        console.error(
          result.error
            ? `  ${result.algo}: failed`
            : `  ${result.algo}: fit ${result.fitSeconds.toFixed(2)} s, recommend ${result.recommendSeconds.toFixed(2)} s`,
        );
      }
      progress?.tick();
    },
    (task) => {
      if (lines) console.error(`  ${task.algo}: fitting …`);
    },
  );
  return results;
}

/** Lists the failed algorithms on stderr; returns how many failed. */
function reportFailures(results: readonly AlgorithmResult[]): number {
  const failures = results.filter((r) => r.error);
  if (failures.length) {
    console.error(
      `${failures.length} algorithm${failures.length === 1 ? '' : 's'} failed (the others are reported):`,
    );
    console.error(failures.map((r) => `  ${r.algo}: ${r.error}`).join('\n'));
  }
  return failures.length;
}

/** Writes the lists of `--out`, algorithms in the order asked for (results come in finishing order). */
function writeLists(
  out: NonNullable<RecommendRun['out']>,
  algos: readonly string[],
  results: readonly AlgorithmResult[],
  train: Interactions,
): void {
  const order = new Map(algos.map((a, i) => [a, i]));
  const sorted = [...results].sort((a, b) => order.get(a.algo)! - order.get(b.algo)!);
  writeFileSync(
    out.file,
    out.format === '.json' ? formatRecommendationsJson(sorted, train) : formatRecommendations(sorted, train),
  );
}

/** The summary line, the leaderboard and the non-default parameters, on stdout. */
function printReport(run: RecommendRun, data: RunData, results: readonly AlgorithmResult[]): void {
  const { algos, k } = run;
  console.log(
    `${algos.length} algorithm${algos.length === 1 ? '' : 's'}, top ${k} for ${data.users.length} warm users; ${data.description}` +
      (data.test
        ? `; ${data.evaluated} users evaluated (warm users with test items; ${data.coldTestUsers} cold test users left out)`
        : ''),
  );
  console.log(formatLeaderboard(leaderboard(results, algos, data.train, data.test, k), k));
  const nonDefault = formatNonDefault(algos, run.params, run.seed);
  if (nonDefault) console.log(nonDefault);
  if (run.out) console.log(`Recommendations written to ${run.out.file}`);
}
