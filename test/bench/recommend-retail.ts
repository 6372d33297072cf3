/**
 * The recommender benchmark: the UCI Online Retail customer–item pairs, split in time at 2011-11-01
 * (train before, test the customer–item pairs new after it), as `dplab recommend --cut 2011-11-01`
 * does. Item-kNN and implicit ALS (64 factors, 15 iterations) are fitted and rank a top-10 for every
 * warm customer (one with purchases before the cut); each is timed (fit + recommend) and its P@10,
 * R@10, NDCG@10 and catalogue coverage are shown next to popularity's, the baseline to beat.
 *
 * The data stay in ../shared (they are not shipped with the project); without them the benchmark
 * says so and skips.
 *
 * Run with `npm run bench` (or `node --import tsx test/bench/recommend-retail.ts [--no-readme]`).
 */
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { algorithm } from '../../src/cli/recommend/algorithms.ts';
import { runAlgorithm, type AlgorithmResult } from '../../src/cli/recommend/run-algorithm.ts';
import { evaluateResult, keepUsers, usersWithHistory } from '../../src/cli/recommend/leaderboard.ts';
import { readInteractions, readText } from '../../src/cli/recommend/read-interactions.ts';
import { splitRows } from '../../src/cli/recommend/split.ts';
import type { Evaluation } from '../../src/recommend/index.ts';
import { markdownTable, writeReadmeSection } from './report.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RETAIL = join(ROOT, '../shared/datasets-candidates/online-retail/interactions.csv.gz');
const CUT = '2011-11-01';
const K = 10;
const TARGET_SECONDS: Record<string, number> = { itemknn: 2, als: 10 };
/** An algorithm as the registry describes it, e.g. "implicit ALS, 64 factors, 15 iterations". */
const label = (algo: string) => algorithm(algo).label;

async function main() {
  const writeReadme = !process.argv.includes('--no-readme');
  if (!existsSync(RETAIL)) {
    console.log(
      `Recommender benchmark skipped: ${RETAIL} not found (the Online Retail data stay in ../shared and are not shipped).`,
    );
    return;
  }
  const { rows } = readInteractions(readText(RETAIL), RETAIL);
  const { train, test } = splitRows(rows, { split: 'temporal', cut: CUT, newOnly: true });
  const warm = usersWithHistory(train);
  const users: number[] = [];
  warm.forEach((w, u) => w && users.push(u));
  const warmTest = keepUsers(test!, warm);
  console.log(
    `Online Retail: ${rows.length} customer–item pairs, ${train.userIds.length} customers × ${train.itemIds.length} items; ` +
      `cut ${CUT}; top ${K} for ${users.length} warm customers …`,
  );

  const results = new Map<string, { result: AlgorithmResult; evaluation: Evaluation }>();
  for (const algo of ['pop', 'itemknn', 'als']) {
    const result = runAlgorithm({ algo, train, users, k: K, seed: 1 });
    if (result.error) throw new Error(`${algo} failed: ${result.error}`);
    const evaluation = evaluateResult(result, train, warmTest, K);
    results.set(algo, { result, evaluation });
    console.log(
      `  ${algo}: fit ${result.fitSeconds.toFixed(2)} s, recommend ${result.recommendSeconds.toFixed(2)} s, NDCG@${K} ${evaluation.ndcg.toFixed(4)}`,
    );
  }
  const pop = results.get('pop')!.evaluation;
  const accuracy = (e: Evaluation) =>
    `P@${K} ${e.precision.toFixed(4)}, R@${K} ${e.recall.toFixed(4)}, NDCG@${K} ${e.ndcg.toFixed(4)}, coverage ${(100 * e.coverage).toFixed(1)} %`;
  const table = markdownTable([
    {
      metric: `${label('pop')}: accuracy (the baseline)`,
      value: accuracy(pop),
      target: '—',
    },
    ...['itemknn', 'als'].flatMap((algo) => {
      const { result, evaluation } = results.get(algo)!;
      const seconds = result.fitSeconds + result.recommendSeconds;
      return [
        {
          metric: `${label(algo)}: fit + top-${K} for all warm customers`,
          value: `${seconds.toFixed(2)} s (fit ${result.fitSeconds.toFixed(2)} s, recommend ${result.recommendSeconds.toFixed(2)} s)`,
          target: `< ${TARGET_SECONDS[algo]} s`,
          pass: seconds < TARGET_SECONDS[algo],
        },
        {
          metric: `${label(algo)}: accuracy`,
          value: `${accuracy(evaluation)}; NDCG ${(evaluation.ndcg / pop.ndcg).toFixed(2)} × popularity's`,
          target: '—',
        },
      ];
    }),
  ]);
  const note =
    `Measured ${new Date().toISOString().slice(0, 19)}Z by \`npm run bench\` on ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}, one thread: ` +
    `UCI Online Retail (Chen, Sain & Guo 2012; ${train.userIds.length} customers × ${train.itemIds.length} items) split in time at ${CUT}, ` +
    `test = customer–item pairs first bought after the cut; ${pop.users} warm customers evaluated (bought before and new items after; ` +
    `customers new after the cut are left out). Coverage is the share of the catalogue in any evaluated customer's list.`;
  console.log(`\n${table}\n\n${note}`);
  if (writeReadme) {
    writeReadmeSection(join(ROOT, 'README.md'), `${table}\n\n${note}`, 'recommend');
    console.log('\nWrote the table into README.md.');
  }
}

await main();
