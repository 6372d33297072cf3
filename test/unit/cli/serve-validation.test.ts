/**
 * `dplab serve`'s request checks through `app.inject` (no socket): each bad request gets its status,
 * the JSON pointer of the problem and a message saying what to do; the options of `createServer`
 * are checked before anything starts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../../../src/cli/serve/create-server.ts';

const air = [112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118, 115, 126, 141, 135, 125, 149];
const good = { series: [{ id: 'air', values: air, period: 12 }], horizon: 3, models: ['snaive'] };

let app: FastifyInstance;
beforeAll(() => {
  app = createServer({ jobs: 1, bodyLimit: 2000 });
});
afterAll(() => app.close());

const post = (payload: unknown, url = '/v1/forecast') =>
  app.inject({ method: 'POST', url, payload: payload as object });

describe('POST /v1/forecast validation', () => {
  it.each([
    [
      'a string among the values',
      { ...good, series: [{ id: 'air', values: [1, 2, 'x'] }] },
      '/series/0/values/2',
      /must be a number/,
    ],
    [
      'a null value',
      { ...good, series: [{ id: 'air', values: [1, null] }] },
      '/series/0/values/1',
      /fill or drop missing values/,
    ],
    ['a horizon of 0', { ...good, horizon: 0 }, '/horizon', /must be ≥ 1, got 0/],
    ['a horizon given as a string', { ...good, horizon: '12' }, '/horizon', /must be an integer, got "12"/],
    ['no horizon', { series: good.series, models: ['snaive'] }, '/horizon', /horizon is missing/],
    ['no series id', { ...good, series: [{ values: [1, 2] }] }, '/series/0/id', /id is missing/],
    [
      'an unknown model',
      { ...good, models: ['snaive', 'prophett'] },
      '/models/1',
      /unknown model "prophett": choose from .*prophet/,
    ],
    [
      'a period of 0',
      { ...good, series: [{ id: 'a', values: [1, 2], period: 0 }] },
      '/series/0/period',
      /≥ 1/,
    ],
    ['a level of 100', { ...good, level: [100] }, '/level/0', /< 100/],
    [
      'a misspelt field',
      { ...good, horizn: 3 },
      '/horizn',
      /unknown field "horizn": the fields here are series, horizon, models, level, params/,
    ],
    [
      'an option a model lacks',
      { ...good, models: ['arima'], params: { arima: { foo: 1 } } },
      '/params/arima/foo',
      /arima has no option "foo"; its options are order \(default 0,1,1\)/,
    ],
    [
      'an order of the wrong length',
      { ...good, models: ['arima'], params: { arima: { order: [2, 1] } } },
      '/params/arima/order',
      /arima\.order must be an array of 3 whole numbers/,
    ],
    [
      'a word not allowed',
      { ...good, models: ['arima'], params: { arima: { method: 'OLS' } } },
      '/params/arima/method',
      /choose from CSS-ML, ML, CSS/,
    ],
    [
      'params of a model not run',
      { ...good, params: { arima: { order: [1, 1, 0] } } },
      '/params/arima',
      /arima, which is not run/,
    ],
  ])('400 for %s, with its path', async (_, payload, path, message) => {
    const r = await post(payload);
    expect(r.statusCode).toBe(400);
    expect(r.json().path).toBe(path);
    expect(r.json().message).toMatch(message);
  });

  it('400 for malformed JSON, 413 over the body limit, 415 for another content type', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/v1/forecast',
      headers: { 'content-type': 'application/json' },
      payload: '{"series": [',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/not valid JSON/);
    const big = await post({ ...good, series: [{ id: 'a', values: Array(1000).fill(1) }] });
    expect(big.statusCode).toBe(413);
    expect(big.json().message).toMatch(/over the limit of 2000 bytes.*--body-limit/);
    const text = await app.inject({
      method: 'POST',
      url: '/v1/forecast',
      headers: { 'content-type': 'application/xml' },
      payload: '<series/>',
    });
    expect(text.statusCode).toBe(415);
    expect(text.json().message).toMatch(/Content-Type: application\/json/);
  });

  it('404 for an unknown route, listing the routes', async () => {
    const r = await app.inject({ method: 'GET', url: '/v2/nothing' });
    expect(r.statusCode).toBe(404);
    expect(r.json().message).toMatch(/POST \/v1\/forecast/);
  });

  it('without interactions the recommendation routes answer 503 saying how to start with data', async () => {
    const r = await app.inject({ method: 'GET', url: '/v1/recommendations/u1' });
    expect(r.statusCode).toBe(503);
    expect(r.json().message).toMatch(/--interactions/);
    const b = await post({ items: ['a'] }, '/v1/recommendations');
    expect(b.statusCode).toBe(503);
  });

  it('publishes the schema as OpenAPI, with the models of the registry', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/forecast',
        '/v1/recommendations/{user}',
        '/v1/recommendations',
        '/health',
        '/metrics',
      ]),
    );
    const schema = doc.paths['/v1/forecast'].post.requestBody.content['application/json'].schema;
    expect(schema.properties.models.items.enum).toEqual(expect.arrayContaining(['snaive', 'ets', 'arima']));
  });
});

describe('createServer options', () => {
  it.each([
    [{ bodyLimit: 0 }, 'bodyLimit must be a whole number ≥ 1, got 0'],
    [{ timeoutMs: 1.5 }, 'timeoutMs must be a whole number ≥ 1, got 1.5'],
    [{ jobs: -1 }, 'jobs must be a whole number ≥ 1'],
    [{ cors: 'example.org' }, 'cors must be * or an origin such as https://example.org'],
    [{ logLevel: 'loud' }, 'logLevel must be one of fatal'],
    [
      { interactions: [{ user: 'a', item: 'x' }], algo: 'als' },
      'algo "als" cannot rank for a basket or a new user; choose from',
    ],
  ])('rejects %j', (options, message) => {
    expect(() => createServer(options)).toThrow(message);
  });
});
