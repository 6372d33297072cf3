/**
 * `dplab serve` on a real loopback socket (port 0): forecasts with intervals, recommendations and
 * their cold-start 404, /health answering while a slow forecast runs on a worker thread, the timeout's
 * 503 (and the pool recovering after it), metrics and CORS.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../../../src/cli/serve/create-server.ts';

const air = readFileSync(new URL('../../../datasets/AirPassengers.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => Number(line.split(',')[1]));

// user a bought x, y; b bought x, z; c bought y.
const rows = [
  { user: 'a', item: 'x' },
  { user: 'a', item: 'y' },
  { user: 'b', item: 'x' },
  { user: 'b', item: 'z' },
  { user: 'c', item: 'y' },
];

async function start(options: Parameters<typeof createServer>[0]) {
  const app = createServer(options);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url };
}
const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe('dplab serve on a socket', () => {
  let app: FastifyInstance;
  let url: string;
  beforeAll(async () => {
    ({ app, url } = await start({ jobs: 1, interactions: rows, cors: 'https://lab.example.org' }));
  });
  afterAll(() => app.close());

  it('forecasts per series and model with intervals', async () => {
    const r = await fetch(
      `${url}/v1/forecast`,
      json({
        series: [
          { id: 'air', values: air, period: 12 },
          { id: 'short', values: [1, 2, 3], period: 12 },
        ],
        horizon: 14,
        models: ['snaive', 'ets'],
        level: [80],
      }),
    );
    expect(r.status).toBe(200);
    const { results } = await r.json();
    const [snaive, ets] = results[0].forecasts;
    // Seasonal naïve repeats the last season (Hyndman & Athanasopoulos, FPP3 §5.2; forecast::snaive):
    // steps 1–12 are the last 12 observations, steps 13–14 start the season again.
    const lastSeason = air.slice(-12);
    expect(snaive.mean).toEqual([...lastSeason, lastSeason[0], lastSeason[1]]);
    expect(snaive.intervals.map((i: { level: number }) => i.level)).toEqual([80]);
    ets.intervals[0].lower.forEach((lo: number, h: number) => {
      expect(lo).toBeLessThan(ets.mean[h]);
      expect(ets.intervals[0].upper[h]).toBeGreaterThan(ets.mean[h]);
    });
    expect(ets.spec).toMatch(/^ETS\(/);
    // Three points cannot hold a season of 12: that model fails on that series, the others are answered.
    expect(results[1].forecasts[0].error).toMatch(/./);
  }, 30_000);

  it('recommends for a known user (cosine item-kNN, worked by hand) and falls back for an unknown one', async () => {
    // Items as user vectors: x = (1,1,0), y = (1,0,1), z = (0,1,0); cos(z, x) = 1/√2, cos(z, y) = 0,
    // so a (x, y) gets z with score 1/√2 and nothing else unseen.
    const r = await fetch(`${url}/v1/recommendations/a?k=5`);
    expect(r.status).toBe(200);
    const body = await r.json();
    expect(body.recommendations.map((s: { item: string }) => s.item)).toEqual(['z']);
    expect(body.recommendations[0].score).toBeCloseTo(Math.SQRT1_2, 12);
    expect(r.headers.get('access-control-allow-origin')).toBe('https://lab.example.org');

    const unknown = await fetch(`${url}/v1/recommendations/nobody?k=2`);
    expect(unknown.status).toBe(404);
    const fallback = await unknown.json();
    expect(fallback.fallback).toBe('popularity');
    expect(fallback.message).toMatch(/cold-start fallback is "popularity"/);
    // x and y have two users each, z one.
    expect(fallback.recommendations).toEqual([
      { item: 'x', score: 2 },
      { item: 'y', score: 2 },
    ]);
  });

  it('recommends for a basket, naming the items it does not know', async () => {
    // Basket {x}: cos(z, x) = 1/√2, cos(y, x) = 1/2.
    const r = await fetch(`${url}/v1/recommendations`, json({ items: ['x', 'new-item'], k: 3 }));
    const body = await r.json();
    expect(body.recommendations.map((s: { item: string }) => s.item)).toEqual(['z', 'y']);
    expect(body.recommendations[1].score).toBeCloseTo(0.5, 12);
    expect(body.unknownItems).toEqual(['new-item']);
    const cold = await (await fetch(`${url}/v1/recommendations`, json({ items: [] }))).json();
    expect(cold.coldStart).toBe(true);
  });

  it('answers /health while a slow forecast runs on a worker thread', async () => {
    let done = false;
    const slow = fetch(
      `${url}/v1/forecast`,
      json({
        series: [{ id: 'air', values: air, period: 12 }],
        horizon: 12,
        models: ['auto-arima'],
      }),
    ).then((r) => {
      done = true;
      return r.status;
    });
    let busySeen = false;
    for (let i = 0; i < 200 && !busySeen && !done; i++) {
      const health = await (await fetch(`${url}/health`)).json();
      busySeen = health.workers.busy === 1;
      if (!busySeen) await new Promise((r) => setTimeout(r, 10));
    }
    expect(busySeen).toBe(true);
    expect(done).toBe(false);
    expect(await slow).toBe(200);
  }, 30_000);

  it('counts requests by route and status in Prometheus text', async () => {
    await fetch(`${url}/v1/forecast`, json({ horizon: 0 }));
    const text = await (await fetch(`${url}/metrics`)).text();
    expect(text).toMatch(
      /dplab_http_requests_total\{method="POST",route="\/v1\/forecast",status="400"\} [1-9]/,
    );
    expect(text).toMatch(
      /dplab_http_requests_total\{method="GET",route="\/v1\/recommendations\/:user",status="404"\} 1/,
    );
    expect(text).toMatch(/dplab_http_request_duration_seconds_bucket\{route="\/health",le="\+Inf"\} [1-9]/);
    expect(text).toContain('# TYPE dplab_http_request_duration_seconds histogram');
  });

  it('answers a CORS preflight', async () => {
    const r = await fetch(`${url}/v1/forecast`, { method: 'OPTIONS' });
    expect(r.status).toBe(204);
    expect(r.headers.get('access-control-allow-methods')).toMatch(/POST/);
  });
});

describe('dplab serve timeouts', () => {
  it('stops a forecast past the timeout with 503 and ends its worker thread', async () => {
    const { app, url } = await start({ jobs: 1, timeoutMs: 2000 });
    try {
      // Wait for the worker to be up, so the timeout measures the fit, not the thread's start-up.
      let warm = 0;
      for (let attempt = 0; attempt < 5 && warm !== 200; attempt++) {
        const r = await fetch(
          `${url}/v1/forecast`,
          json({ series: [{ id: 'a', values: [1, 2, 3] }], horizon: 1, models: ['naive'] }),
        );
        warm = r.status;
      }
      expect(warm).toBe(200);
      const slow = await fetch(
        `${url}/v1/forecast`,
        json({
          series: ['a', 'b', 'c'].map((id) => ({ id, values: [...air, ...air, ...air], period: 12 })),
          horizon: 12,
          models: ['auto-arima', 'prophet'],
          // The exhaustive search without approximation: many full-likelihood fits a series.
          params: { 'auto-arima': { stepwise: false, approximation: 'false' } },
        }),
      );
      expect(slow.status).toBe(503);
      expect((await slow.json()).message).toMatch(/longer than the 2000 ms limit.*--timeout/);
      // The stopped work is gone: its thread was ended and replaced, nothing is busy or queued.
      const health = await (await fetch(`${url}/health`)).json();
      expect(health.workers).toEqual({ size: 1, busy: 0, queued: 0 });
    } finally {
      await app.close();
    }
  }, 30_000);
});
