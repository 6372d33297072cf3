/**
 * The forecasting benchmark: the 1,428 monthly series of the M3 competition with the official
 * 18-month hold-out, as in Makridakis & Hibon (2000). Mean sMAPE (0–200) per method next to R
 * forecast 8.20's on the same data, and total fit time next to R's.
 *
 * The data stay in ../shared (they are not shipped with the project); without them the benchmark
 * says so and skips. When `Rscript` with the forecast package is installed, R's `ets()` is timed
 * in the same run on a sample of the series, so the two times come from the same machine and load.
 *
 * Run with `npm run bench` (or `node --import tsx test/bench/forecast-m3.ts [--no-readme]`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvParse } from 'd3-dsv';
import { runOnWorkers } from '../../src/cli/worker-pool.ts';
import { seriesTask, type SeriesResult, type SeriesTask } from '../../src/cli/forecast/run-series.ts';
import { markdownTable, writeReadmeSection } from './report.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const M3 = join(ROOT, '../shared/datasets-candidates/m3/m3_monthly.csv');
/** R forecast 8.20 on all 1,428 M3 monthly series (../shared/FORECAST-NOTES.md and the issue). */
const R = {
  smape: { naive2: 16.76, snaive: 17.23, ses: 16.22, damped: 16.35, ets: 14.14, theta: 13.86 } as Record<
    string,
    number
  >,
  etsSecondsPerSeries: 0.64,
};
const METHODS = ['naive2', 'snaive', 'ses', 'damped', 'ets', 'theta'];
const R_SAMPLE = 30;

function readM3(): SeriesTask[] {
  const rows = csvParse(readFileSync(M3, 'utf8'));
  const series = new Map<string, { train: number[]; test: number[] }>();
  for (const r of rows) {
    let s = series.get(r.series_id!);
    if (!s) series.set(r.series_id!, (s = { train: [], test: [] }));
    (r.split === 'test' ? s.test : s.train).push(Number(r.value));
  }
  return [...series].map(([id, { train, test }]) => ({
    id,
    values: [...train, ...test],
    period: 12,
    horizon: test.length,
    holdout: test.length,
    methods: METHODS,
    level: [80, 95],
  }));
}

/** Seconds per series of R's `ets()` on the first `n` series, or undefined without R. */
function timeR(tasks: SeriesTask[], n: number): number | undefined {
  try {
    execFileSync('Rscript', ['-e', 'library(forecast)'], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), 'dplab-m3-'));
  const file = join(dir, 'series.csv');
  writeFileSync(
    file,
    'id,value\n' +
      tasks
        .slice(0, n)
        .flatMap((t) => t.values.slice(0, t.values.length - t.holdout).map((v) => `${t.id},${v}`))
        .join('\n'),
  );
  const script = `suppressMessages(library(forecast)); d <- read.csv("${file}"); ids <- unique(d$id);
    t <- system.time(for (i in ids) ets(ts(d$value[d$id == i], frequency = 12)))[["elapsed"]];
    cat(t / length(ids))`;
  return Number(execFileSync('Rscript', ['-e', script], { encoding: 'utf8' }));
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

async function main() {
  const writeReadme = !process.argv.includes('--no-readme');
  if (!existsSync(M3)) {
    console.log(`M3 benchmark skipped: ${M3} not found (the M3 data stay in ../shared and are not shipped).`);
    return;
  }
  const tasks = readM3();
  const jobs = availableParallelism();
  console.log(`M3 monthly: ${tasks.length} series, h = 18, ${METHODS.join(', ')}, ${jobs} worker threads …`);
  const results: SeriesResult[] = [];
  const start = performance.now();
  await runOnWorkers(tasks, jobs, seriesTask, (r) => results.push(r));
  const wall = (performance.now() - start) / 1000;
  const rSeconds = timeR(tasks, R_SAMPLE);

  const rows = METHODS.map((method) => {
    const rs = results.flatMap((s) => s.results.filter((r) => r.method === method));
    const ok = rs.filter((r) => !r.error);
    const smape = mean(ok.map((r) => r.smape!));
    const fitSeconds = rs.reduce((t, r) => t + r.ms, 0) / 1000;
    const reference = R.smape[method];
    const within = Math.abs(smape - reference) / reference;
    return { method, ok: ok.length, failed: rs.length - ok.length, smape, reference, within, fitSeconds };
  });
  const ets = rows.find((r) => r.method === 'ets')!;
  const rPerSeries = rSeconds ?? R.etsSecondsPerSeries;
  const rTotal = rPerSeries * tasks.length;
  const table = markdownTable([
    ...rows.map((r) => ({
      metric: `${r.method}: mean sMAPE (R forecast 8.20: ${r.reference.toFixed(2)})`,
      value: `${r.smape.toFixed(3)} (${r.ok} series${r.failed ? `, ${r.failed} failed` : ''}; fit ${r.fitSeconds.toFixed(1)} s)`,
      target: r.method === 'ets' || r.method === 'theta' ? 'within 1 % of R' : '—',
      pass: r.method === 'ets' || r.method === 'theta' ? r.within <= 0.01 : undefined,
    })),
    {
      metric: 'ets: total fit time, one thread (sum over series)',
      value: `${ets.fitSeconds.toFixed(1)} s = ${(ets.fitSeconds / tasks.length).toFixed(3)} s a series; R ets(): ${rPerSeries.toFixed(3)} s a series${rSeconds === undefined ? ' (reference run; Rscript not installed here)' : ` (timed in this run on ${R_SAMPLE} series)`} ≈ ${rTotal.toFixed(0)} s`,
      target: '≤ R',
      pass: ets.fitSeconds <= rTotal,
    },
    {
      metric: `all ${METHODS.length} methods, wall clock on ${jobs} threads`,
      value: `${wall.toFixed(1)} s`,
      target: '—',
    },
  ]);
  const note = `Measured ${new Date().toISOString().slice(0, 19)}Z by \`npm run bench\` on ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}: the 1,428 M3 monthly series (Makridakis & Hibon 2000), fit on the training part, sMAPE on the official 18-month hold-out. Fit time is summed over series (one thread's work).`;
  console.log(`\n${table}\n\n${note}`);
  if (writeReadme) {
    writeReadmeSection(join(ROOT, 'README.md'), `${table}\n\n${note}`, 'forecast');
    console.log('\nWrote the table into README.md.');
  }
}

await main();
