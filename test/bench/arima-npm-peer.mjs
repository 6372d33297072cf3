/**
 * The npm package `arima` (0.2.8, an Emscripten port of the C library ctsa) as a peer in the M3 benchmark:
 * its AutoARIMA (`{ auto: true, s: 12 }`, the package's default search limits 5,2,5 / 2,1,2) on each
 * series of a JSON file, timed per series. Run as a child process by forecast-m3.ts, because the C code
 * prints warnings to stdout that no option silences: `node arima-npm-peer.mjs in.json out.json`.
 * Input: [{ id, train, h }]; output: [{ id, ms, mean } | { id, ms, error }].
 */
/* global performance */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const ARIMA = require('arima');
const [input, output] = process.argv.slice(2);
const results = [];
for (const { id, train, h } of JSON.parse(readFileSync(input, 'utf8'))) {
  const start = performance.now();
  try {
    const model = new ARIMA({ auto: true, s: 12, verbose: false }).fit(train);
    const [mean] = model.predict(h);
    model.destroy();
    results.push({ id, ms: performance.now() - start, mean: Array.from(mean) });
  } catch (error) {
    results.push({ id, ms: performance.now() - start, error: String(error) });
  }
}
writeFileSync(output, JSON.stringify(results));
