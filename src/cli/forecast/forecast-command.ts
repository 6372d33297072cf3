/**
 * `dplab forecast`: fits the chosen methods to every series of a CSV — in parallel worker threads —
 * and writes forecasts (`--out`) and, with `--holdout`, a leaderboard of accuracy against the
 * naïve baselines. A failing series or method is reported and the rest go on.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import {
  forecastMethods,
  forecastMethod,
  parseMethodOption,
  type MethodOptions,
} from '../../forecast/registry.ts';
import { checkLevels } from '../../forecast/model.ts';
import { commaList, outputFormat, positiveInt } from '../args.ts';
import { ProgressBar } from '../progress-bar.ts';
import { formatLeaderboard, leaderboard } from './leaderboard.ts';
import { runOnWorkers } from '../worker-pool.ts';
import { periodFromDates, readSeries } from './read-series.ts';
import { seriesTask, type SeriesResult, type SeriesTask } from './run-series.ts';
import { formatFits } from './write-fits.ts';
import { formatForecasts } from './write-forecasts.ts';

export const forecastUsage = `Usage: dplab forecast <file.csv | -> [options]

Input: a CSV with columns id,date,value (or id,t,value) — one row per series and time — or a single
series (date,value / t,value / value). "-" reads standard input.

Options:
  --horizon H     steps to forecast (default: the hold-out, or 2 × period, at least 6); with
                  --holdout, forecasts start after the training part and H must be ≥ the hold-out
  --period M      seasonal period (default: from the dates — 12 monthly, 4 quarterly — else 1)
  --models LIST   comma-separated, from: ${forecastMethods.map((m) => m.name).join(',')}
                  (default: all)
  --holdout H     evaluate on each series' last H points; prints a leaderboard
  --level L       interval levels in percent (default 80,95)
  --param M.O=V   an option of method M, e.g. --param arima.order=2,1,0 (repeatable; --list-params)
  --seed S        seed of every method with random steps (prophet, forest, boost, linear);
                  --param M.seed=V overrides it for method M
  --jobs N        series fitted in parallel worker threads (default: all cores, ${availableParallelism()})
  --out FILE      write forecasts to FILE (.csv or .json): id,model,step,mean,lo80,hi80,lo95,hi95
  --fits FILE     write the fitted models to FILE (.csv or .json): id,model,spec,aicc,params
                  (spec in R's wording, e.g. ARIMA(0,1,1)(0,1,1)[12], ETS(M,Ad,M); params as JSON)
  --quiet         no progress bar`;

/** Runs the command; returns the exit code (0 when every series and method succeeded, 3 when some failed). */
export async function forecastCommand(argv: string[]): Promise<number> {
  const { values: opt, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      horizon: { type: 'string' },
      period: { type: 'string' },
      models: { type: 'string' },
      holdout: { type: 'string' },
      level: { type: 'string' },
      jobs: { type: 'string' },
      out: { type: 'string' },
      fits: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      param: { type: 'string', multiple: true, default: [] },
      seed: { type: 'string' },
      'list-params': { type: 'boolean', default: false },
    },
  });
  if (opt['list-params']) {
    for (const m of forecastMethods.filter((m) => m.defaults)) {
      console.log(`${m.name}:`);
      for (const [k, v] of Object.entries(m.defaults ?? {}))
        console.log(`  ${k}  default ${String(v)}${m.choices?.[k] ? `  (${m.choices[k].join(' | ')})` : ''}`);
    }
    return 0;
  }
  if (positionals.length !== 1) throw new Error(`expected one input file (or -)\n\n${forecastUsage}`);
  const [file] = positionals;
  const methods = opt.models ? commaList(opt.models) : forecastMethods.map((m) => m.name);
  methods.forEach(forecastMethod);
  const params = methodParams(opt.param, methods);
  if (opt.seed !== undefined) seedMethods(params, methods, opt.seed);
  const level = checkLevels(opt.level ? opt.level.split(',').map(Number) : undefined);
  const holdout = positiveInt('holdout', opt.holdout, 0);
  const jobs = positiveInt('jobs', opt.jobs, availableParallelism());
  const fixedPeriod = positiveInt('period', opt.period);
  if (opt.out) outputFormat(opt.out);
  if (opt.fits && !['.csv', '.json'].some((ext) => opt.fits!.endsWith(ext)))
    throw new Error(`--fits must end in .csv or .json, got "${opt.fits}"`);
  const horizonFlag = positiveInt('horizon', opt.horizon);
  if (horizonFlag !== undefined && holdout > 0 && horizonFlag < holdout)
    throw new Error(
      `--horizon ${horizonFlag} is shorter than --holdout ${holdout}: every hold-out point is scored, so the horizon must be at least ${holdout} (or leave --horizon out)`,
    );

  const text = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  const series = readSeries(text, file === '-' ? 'standard input' : file);
  const tasks: SeriesTask[] = series.map((s) => {
    const period = fixedPeriod ?? periodFromDates(s.dates) ?? 1;
    const horizon = horizonFlag ?? (holdout || Math.max(6, 2 * period));
    return { id: s.id, values: s.values, period, horizon, holdout, methods, level, params };
  });

  const results: SeriesResult[] = [];
  const progress = !opt.quiet && tasks.length > 1 ? new ProgressBar(tasks.length, 'forecasting') : undefined;
  const start = performance.now();
  await runOnWorkers(tasks, jobs, seriesTask, (result) => {
    results.push(result);
    progress?.tick();
  });
  const seconds = (performance.now() - start) / 1000;
  const threads = jobs <= 1 || tasks.length <= 1 ? 1 : Math.min(jobs, tasks.length);
  // Completion order depends on the threads; report in input order.
  const order = new Map(tasks.map((t, i) => [t.id, i]));
  results.sort((a, b) => order.get(a.id)! - order.get(b.id)!);

  const failures = results.flatMap((s) =>
    s.results.filter((r) => r.error).map((r) => `  ${s.id} / ${r.method}: ${r.error}`),
  );
  if (failures.length) {
    console.error(
      `${failures.length} fit${failures.length === 1 ? '' : 's'} failed (the others are reported):`,
    );
    console.error(
      failures.slice(0, 20).join('\n') +
        (failures.length > 20 ? `\n  … and ${failures.length - 20} more` : ''),
    );
  }
  if (opt.out) writeFileSync(opt.out, formatForecasts(results, level, opt.out));
  if (opt.fits) writeFileSync(opt.fits, formatFits(results, opt.fits));

  console.log(
    `${tasks.length} series × ${methods.length} methods in ${seconds.toFixed(1)} s on ${threads} thread${threads === 1 ? '' : 's'}` +
      (holdout ? `; accuracy on the last ${holdout} points of each series` : ''),
  );
  console.log(formatLeaderboard(leaderboard(results, methods)));
  if (opt.out) console.log(`Forecasts written to ${opt.out}`);
  if (opt.fits) console.log(`Fitted models written to ${opt.fits}`);
  return failures.length ? 3 : 0;
}

/** `--seed S`: the seed of every chosen method that has one, unless its `--param M.seed` is given. */
function seedMethods(params: Record<string, MethodOptions>, methods: readonly string[], raw: string): void {
  const seed = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(seed) || seed < 0)
    throw new Error(`--seed must be a whole number ≥ 0, got "${raw}"`);
  for (const name of methods) {
    if (!('seed' in (forecastMethod(name).defaults ?? {}))) continue;
    if (params[name] && 'seed' in params[name]) continue;
    params[name] = { ...params[name], seed };
  }
}

/** `--param method.option=value` flags as each method's options; a usage error names what is wrong. */
function methodParams(flags: readonly string[], methods: readonly string[]): Record<string, MethodOptions> {
  const out: Record<string, Record<string, MethodOptions[string]>> = {};
  for (const text of flags) {
    const m = /^([^.=\s]+)\.([^=]+)=(.*)$/s.exec(text);
    if (!m)
      throw new Error(`--param ${text}: expected <method>.<option>=<value>, e.g. --param arima.order=2,1,0`);
    const [, name, option, raw] = m;
    if (!methods.includes(name))
      throw new Error(
        `--param ${text}: ${name} is not run (the methods are ${methods.join(', ')}); see --models`,
      );
    if (out[name] && option.trim() in out[name])
      throw new Error(`--param ${text}: ${name}.${option} is given twice`);
    try {
      (out[name] ??= {})[option.trim()] = parseMethodOption(forecastMethod(name), option.trim(), raw);
    } catch (error) {
      throw new Error(`--param ${text}: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
  }
  return out;
}
