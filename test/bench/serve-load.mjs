/* global fetch */
/**
 * The load benchmark of `dplab serve`: the real CLI process on 127.0.0.1, fitted at start-up on the
 * synthetic shop (`dplab/data`, full size: 4,334 customers × 3,659 items, item-kNN), driven by
 * autocannon for a bounded time per scenario: GET recommendations (users in turn), POST one-series
 * ETS forecasts (AirPassengers), and a burst of malformed requests (expect 4xx only, no 5xx, and the
 * server alive afterwards). It ends with SIGTERM and checks the exit code.
 *
 * Prints a table and writes it into README.md between `<!-- bench:serve:start -->` and
 * `<!-- bench:serve:end -->` (`--no-readme` only prints). It reports; it does not judge: the exit code
 * is non-zero only when the measurement itself breaks (or the server crashes).
 *
 * Run with `npm run bench` or `node --import tsx test/bench/serve-load.mjs [--no-readme] [--seconds 5]`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
// tsx (the --import of `npm run bench`) loads the TypeScript library.
import { syntheticShop } from '../../src/data/index.ts';
import { markdownTable, writeReadmeSection } from './report.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const argv = process.argv.slice(2);
const SECONDS = Number(argv[argv.indexOf('--seconds') + 1]) || 5;
const TARGETS = { recRps: 2000, recP99: 50, forecastRps: 100 };

const air = readFileSync(join(ROOT, 'datasets/AirPassengers.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => Number(line.split(',')[1]));

/** One autocannon run: mean req/s, latency percentiles (ms), totals by status class, errors. */
async function load(options) {
  const r = await autocannon({ duration: SECONDS, ...options });
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    total: r.requests.total,
    errors: r.errors + r.timeouts,
    s2xx: r['2xx'],
    s4xx: r['4xx'],
    s5xx: r['5xx'],
  };
}

async function main() {
  const writeReadme = !argv.includes('--no-readme');
  const dir = mkdtempSync(join(tmpdir(), 'dplab-serve-bench-'));
  const shop = syntheticShop({ size: 'full' });
  const file = join(dir, 'interactions.csv');
  writeFileSync(file, 'user,item\n' + shop.purchases.map((p) => `${p.user},${p.item}`).join('\n') + '\n');
  const users = [...new Set(shop.purchases.map((p) => p.user))];

  const child = spawn(
    process.execPath,
    [join(ROOT, 'src/cli/dplab.mjs'), 'serve', '--port', '0', '--interactions', file],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  // A failed measurement must not leave the server running.
  process.on('exit', () => child.kill());
  let crashed;
  const exited = new Promise((resolve) =>
    child.on('exit', (code) => {
      crashed ??= code;
      resolve(code);
    }),
  );
  const address = await new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const entry = JSON.parse(line);
      if (entry.msg === 'listening') resolve(entry.address);
    });
    child.once('exit', (code) => reject(new Error(`dplab serve exited with ${code} before listening`)));
  });
  const url = new URL(address);
  console.log(
    `dplab serve at ${address}; ${shop.purchases.length} purchases, ${users.length} users; ${SECONDS} s a scenario`,
  );
  const json = { 'content-type': 'application/json' };

  // Warm the forecast worker threads (their first task loads the models).
  const airBody = JSON.stringify({
    series: [{ id: 'air', values: air, period: 12 }],
    horizon: 12,
    models: ['ets'],
  });
  for (let i = 0; i < 4; i++)
    await fetch(`${address}/v1/forecast`, { method: 'POST', headers: json, body: airBody });

  let next = 0;
  const recommendations = await load({
    url: url.origin,
    connections: 10,
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => ({ ...req, path: `/v1/recommendations/${users[next++ % users.length]}?k=10` }),
      },
    ],
  });
  const forecasts = await load({
    url: `${url.origin}/v1/forecast`,
    connections: 4,
    method: 'POST',
    headers: json,
    body: airBody,
  });
  const bad = [
    '{"series": [',
    JSON.stringify({ series: [{ id: 'a', values: [1, 'x'] }], horizon: 3, models: ['ets'] }),
    JSON.stringify({ series: [{ id: 'a', values: [1, 2] }], horizon: 0, models: ['ets'] }),
    JSON.stringify({ series: [{ id: 'a', values: [1, 2] }], horizon: 3, models: ['nope'] }),
    JSON.stringify({ horizon: 3 }),
    JSON.stringify({
      series: [{ id: 'a', values: [1, 2] }],
      horizon: 3,
      models: ['arima'],
      params: { arima: { foo: 1 } },
    }),
    'null',
    '[]',
  ];
  const malformed = await load({
    url: url.origin,
    connections: 10,
    requests: bad.map((body) => ({ method: 'POST', path: '/v1/forecast', headers: json, body })),
  });
  const health = await fetch(`${address}/health`);
  const alive = health.ok && crashed === undefined;
  child.kill('SIGTERM');
  const code = await exited;
  rmSync(dir, { recursive: true, force: true });

  const f = (x, d = 0) => x.toFixed(d);
  const rows = [
    {
      metric: 'GET /v1/recommendations/{user} (item-kNN, 10 connections)',
      value: `${f(recommendations.rps)} req/s`,
      target: `≥ ${TARGETS.recRps} req/s`,
      pass: recommendations.rps >= TARGETS.recRps,
    },
    {
      metric: '… latency p50 / p99',
      value: `${recommendations.p50} / ${recommendations.p99} ms`,
      target: `p99 ≤ ${TARGETS.recP99} ms`,
      pass: recommendations.p99 <= TARGETS.recP99,
    },
    {
      metric: '… errors, non-2xx',
      value: `${recommendations.errors}, ${recommendations.total - recommendations.s2xx}`,
      target: '0',
      pass: recommendations.errors === 0 && recommendations.s2xx === recommendations.total,
    },
    {
      metric: 'POST /v1/forecast, one series, ETS (4 connections)',
      value: `${f(forecasts.rps, 1)} req/s`,
      target: `≥ ${TARGETS.forecastRps} req/s`,
      pass: forecasts.rps >= TARGETS.forecastRps,
    },
    { metric: '… latency p50 / p99', value: `${forecasts.p50} / ${forecasts.p99} ms`, target: '—' },
    {
      metric: '… errors, non-2xx',
      value: `${forecasts.errors}, ${forecasts.total - forecasts.s2xx}`,
      target: '0',
      pass: forecasts.errors === 0 && forecasts.s2xx === forecasts.total,
    },
    {
      metric: 'Malformed burst (8 kinds of bad body, 10 connections)',
      value: `${f(malformed.rps)} req/s, ${malformed.s4xx} × 4xx, ${malformed.s5xx} × 5xx, ${malformed.errors} errors`,
      target: '4xx only, 0 errors',
      pass: malformed.s5xx === 0 && malformed.errors === 0 && malformed.s4xx === malformed.total,
    },
    {
      metric: 'Alive after the burst; SIGTERM exit code',
      value: `${alive ? 'yes' : 'no'}; ${code}`,
      target: 'yes; 0',
      pass: alive && code === 0,
    },
  ];
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}`;
  const table = markdownTable(rows);
  console.log(
    `\n${table}\n\n${machine}; autocannon ${SECONDS} s a scenario on 127.0.0.1, server and load generator on the same machine.`,
  );
  if (writeReadme)
    writeReadmeSection(
      join(ROOT, 'README.md'),
      `\`dplab serve\` under load (\`test/bench/serve-load.mjs\`): ${machine}; autocannon ${SECONDS} s a scenario on 127.0.0.1, the load generator on the same cores.\n\n${table}`,
      'serve',
    );
  if (!alive || code !== 0) process.exitCode = 1;
}

await main();
