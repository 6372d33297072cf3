/**
 * The real `dplab serve` process: it logs JSON lines (the `listening` one carries the bound address),
 * and on SIGTERM it finishes the request in flight, refuses new connections and exits 0.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';

const cli = new URL('../../../src/cli/dplab.mjs', import.meta.url).pathname;
const air = readFileSync(new URL('../../../datasets/AirPassengers.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => Number(line.split(',')[1]));
// Long enough to fit for a second or more, so the signal comes while the work is in flight.
const series = [...air, ...air, ...air];

describe('dplab serve process', () => {
  it('drains the request in flight on SIGTERM and exits 0', async () => {
    const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--jobs', '1'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const logs: Record<string, unknown>[] = [];
    const waiters: {
      test: (l: Record<string, unknown>) => boolean;
      resolve: (l: Record<string, unknown>) => void;
    }[] = [];
    createInterface({ input: child.stdout }).on('line', (line) => {
      const entry = JSON.parse(line) as Record<string, unknown>;
      logs.push(entry);
      for (const w of [...waiters])
        if (w.test(entry)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(entry);
        }
    });
    const waitFor = (test: (l: Record<string, unknown>) => boolean) =>
      new Promise<Record<string, unknown>>((resolve) => {
        const found = logs.find(test);
        if (found) resolve(found);
        else waiters.push({ test, resolve });
      });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

    const { address } = (await waitFor((l) => l.msg === 'listening')) as { address: string };
    expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const inFlight = fetch(`${address}/v1/forecast`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        series: [{ id: 's', values: series, period: 12 }],
        horizon: 12,
        models: ['auto-arima', 'prophet'],
      }),
    });
    // Signal once the server has the request (its log line), while the model is being fitted.
    await waitFor((l) => l.msg === 'incoming request' && (l.req as { url?: string })?.url === '/v1/forecast');
    child.kill('SIGTERM');
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect((await response.json()).results[0].forecasts[1].mean).toHaveLength(12);
    expect(await exited).toBe(0);
    const order = logs.map((l) => l.msg);
    expect(order.indexOf('draining: no new connections, finishing the requests in flight')).toBeLessThan(
      order.lastIndexOf('request completed'),
    );
    expect(order.at(-1)).toBe('stopped');
    await expect(fetch(`${address}/health`)).rejects.toThrow();
  }, 30_000);
});
