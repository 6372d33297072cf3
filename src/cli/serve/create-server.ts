/**
 * `createServer(options)`: the Fastify app of `dplab serve` — forecasts on worker threads, recommendations
 * from a model fitted at start-up, health, Prometheus metrics and the OpenAPI document. Every request is
 * checked against its JSON schema; errors answer `{ error, message, path }` (request-errors.ts). The
 * caller listens (`app.listen`) or injects (`app.inject`); `app.close()` waits for in-flight work and ends
 * the worker threads.
 */
import { availableParallelism } from 'node:os';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import type { Interaction, ItemContent } from '../../recommend/index.ts';
import { seriesTask, type SeriesResult, type SeriesTask } from '../forecast/run-series.ts';
import { forecastBodySchema, forecastResponseSchema } from './forecast-schema.ts';
import { ServerMetrics } from './metrics.ts';
import { recommendService, type RecommendService } from './recommend-service.ts';
import { describeSchemaError, type ErrorBody, type SchemaError } from './request-errors.ts';
import { TaskPool, TaskTimeoutError } from './task-pool.ts';

/** Options of {@link createServer}; every one has a default. */
export interface ServerOptions {
  /** Interactions to fit the recommender on; without them the recommendation routes answer 503. */
  interactions?: readonly Interaction[];
  /** Item descriptions (for `algo: 'content'`). */
  items?: readonly ItemContent[];
  /** Recommender CLI name, one of `basketAlgorithms`. Default `'itemknn'`. */
  algo?: string;
  /** Largest request body in bytes. Default 1 MB (1 048 576). */
  bodyLimit?: number;
  /** Milliseconds a forecast request may take before it is cancelled with 503. Default 30 000. */
  timeoutMs?: number;
  /** Forecasting worker threads. Default: the cores (`os.availableParallelism()`). */
  jobs?: number;
  /** `Access-Control-Allow-Origin` to send: `*` or an origin such as `https://example.org`. Default none. */
  cors?: string;
  /** Structured JSON logs (pino) at this level, or false for none. Default false. */
  logLevel?: string | false;
}

export const serverDefaults = { algo: 'itemknn', bodyLimit: 1_048_576, timeoutMs: 30_000, k: 10 } as const;

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const positive = (name: string, v: number | undefined) => {
  if (v !== undefined && !(Number.isInteger(v) && v >= 1))
    throw new RangeError(`${name} must be a whole number ≥ 1, got ${String(v)}`);
};

/** Checks the options; each error names the option and what it takes. */
function checkOptions(o: ServerOptions): void {
  positive('bodyLimit', o.bodyLimit);
  positive('timeoutMs', o.timeoutMs);
  positive('jobs', o.jobs);
  if (o.cors !== undefined && o.cors !== '*' && !/^https?:\/\/[^/\s]+$/.test(o.cors))
    throw new RangeError(
      `cors must be * or an origin such as https://example.org (no path), got "${o.cors}"`,
    );
  if (o.logLevel !== undefined && o.logLevel !== false && !logLevels.includes(o.logLevel))
    throw new RangeError(`logLevel must be one of ${logLevels.join(', ')} or false, got "${o.logLevel}"`);
  if (o.interactions !== undefined && !Array.isArray(o.interactions))
    throw new TypeError('interactions must be an array of { user, item, value?, time? }');
  if (o.items && !o.interactions) throw new RangeError('items are given without interactions: pass both');
}

const errorNames: Record<number, string> = {
  400: 'Bad Request',
  404: 'Not Found',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};
const body = (status: number, message: string, extra: Partial<ErrorBody> = {}): ErrorBody => ({
  error: errorNames[status] ?? 'Error',
  message,
  ...extra,
});

const scored = {
  type: 'array',
  items: { type: 'object', properties: { item: { type: 'string' }, score: { type: 'number' } } },
};
const recommendationsSchema = {
  type: 'object',
  properties: {
    user: { type: 'string' },
    model: { type: 'string' },
    k: { type: 'integer' },
    recommendations: scored,
    coldStart: { type: 'boolean' },
    unknownItems: { type: 'array', items: { type: 'string' } },
  },
};
const kQuery = { type: 'string', pattern: '^[0-9]{1,4}$', description: 'list length, 1–1000 (default 10)' };

interface ForecastBody {
  series: { id: string; values: number[]; period: number }[];
  horizon: number;
  models: string[];
  level: number[];
  params?: Record<string, Record<string, number | boolean | string | number[]>>;
}

/** The Fastify app; see {@link ServerOptions}. Throws on bad options before anything starts. */
export function createServer(options: ServerOptions = {}): FastifyInstance {
  checkOptions(options);
  const bodyLimit = options.bodyLimit ?? serverDefaults.bodyLimit;
  const timeoutMs = options.timeoutMs ?? serverDefaults.timeoutMs;
  const recommender: RecommendService | undefined = options.interactions
    ? recommendService(options.interactions, options.algo ?? serverDefaults.algo, options.items)
    : undefined;
  const pool = new TaskPool<SeriesTask, SeriesResult>(seriesTask, options.jobs ?? availableParallelism());
  const metrics = new ServerMetrics();
  const started = Date.now();

  const app = Fastify({
    bodyLimit,
    logger: options.logLevel ? { level: options.logLevel } : false,
    // Types are not coerced ("12" is not a horizon) and unknown fields are errors, not dropped.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: false, verbose: true } },
  });

  app.addHook('onClose', () => pool.close());
  // Once closing, answers end their connection: a keep-alive socket kept by a client would otherwise
  // hold the server open after the requests in flight are done.
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });
  const startTimes = new WeakMap<object, bigint>();
  app.addHook('onRequest', (request, reply, done) => {
    startTimes.set(request, process.hrtime.bigint());
    if (options.cors) {
      reply.header('access-control-allow-origin', options.cors);
      if (options.cors !== '*') reply.header('vary', 'Origin');
    }
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    const start = startTimes.get(request);
    const seconds = start === undefined ? 0 : Number(process.hrtime.bigint() - start) / 1e9;
    metrics.observe(request.routeOptions.url ?? 'unmatched', request.method, reply.statusCode, seconds);
    done();
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation?.length) {
      const { path, message } = describeSchemaError(error.validation[0] as unknown as SchemaError);
      return reply.code(400).send(body(400, message, { path, in: error.validationContext }));
    }
    const status = error.statusCode ?? 500;
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return reply
        .code(413)
        .send(
          body(
            413,
            `the body is over the limit of ${bodyLimit} bytes: send fewer series, or start the server with a larger --body-limit`,
          ),
        );
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return reply.code(415).send(body(415, 'send the body as JSON, with Content-Type: application/json'));
    if (status === 400)
      return reply.code(400).send(
        body(400, `the body is not valid JSON (${error.message}); send one JSON object`, {
          path: '',
          in: 'body',
        }),
      );
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return reply.code(status).send(body(status, error.message));
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send(
        body(
          404,
          `no route ${request.method} ${request.url.split('?')[0]}: the routes are POST /v1/forecast, GET /v1/recommendations/{user}, POST /v1/recommendations, GET /health, GET /metrics, GET /openapi.json`,
        ),
      ),
  );

  void app.register(swagger, {
    openapi: {
      info: {
        title: 'dplab serve',
        version: '1',
        description: 'Forecasts and recommendations from the Data Products Lab models.',
      },
    },
  });

  void app.register(async (api) => {
    if (options.cors)
      api.options('/*', { schema: { hide: true } }, (_request, reply) =>
        reply
          .code(204)
          .header('access-control-allow-methods', 'GET, POST, OPTIONS')
          .header('access-control-allow-headers', 'content-type')
          .header('access-control-max-age', '600')
          .send(),
      );

    api.get('/health', { schema: { summary: 'Liveness and what the server holds' } }, () => ({
      status: 'ok',
      uptimeSeconds: (Date.now() - started) / 1000,
      workers: pool.stats(),
      recommender: recommender
        ? { model: recommender.algo, users: recommender.users, items: recommender.items }
        : null,
    }));

    api.get('/metrics', { schema: { summary: 'Prometheus metrics', hide: false } }, (_request, reply) => {
      const s = pool.stats();
      return reply.type('text/plain; version=0.0.4; charset=utf-8').send(
        metrics.text({
          dplab_forecast_workers_busy: { help: 'Forecasting worker threads at work.', value: s.busy },
          dplab_forecast_tasks_queued: { help: 'Series waiting for a worker thread.', value: s.queued },
        }),
      );
    });

    api.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());

    api.post<{ Body: ForecastBody }>(
      '/v1/forecast',
      {
        schema: {
          summary: 'Forecasts with prediction intervals, per series and model',
          body: forecastBodySchema,
          response: { 200: forecastResponseSchema },
        },
      },
      async (request, reply) => {
        const { series, horizon, models, level, params = {} } = request.body;
        for (const name of Object.keys(params))
          if (!models.includes(name))
            return reply.code(400).send(
              body(
                400,
                `params of ${name}, which is not run: the models asked for are ${models.join(', ')}; add it to models or drop its params`,
                {
                  path: `/params/${name}`,
                  in: 'body',
                },
              ),
            );
        const tasks: SeriesTask[] = series.map((s) => ({
          id: s.id,
          values: s.values,
          period: s.period,
          horizon,
          holdout: 0,
          methods: models,
          level,
          params,
        }));
        try {
          const results = await pool.run(tasks, timeoutMs);
          return {
            horizon,
            level,
            results: results.map((r) => ({
              id: r.id,
              forecasts: r.results.map((m) =>
                m.error
                  ? { model: m.method, error: m.error }
                  : {
                      model: m.method,
                      spec: m.fit?.spec,
                      aicc: m.fit?.aicc ?? null,
                      mean: m.mean,
                      intervals: m.intervals,
                      ms: m.ms,
                    },
              ),
            })),
          };
        } catch (error) {
          if (error instanceof TaskTimeoutError)
            return reply
              .code(503)
              .send(
                body(
                  503,
                  `the forecast took longer than the ${timeoutMs} ms limit and was stopped: send fewer series or cheaper models, or start the server with a longer --timeout`,
                ),
              );
          throw error;
        }
      },
    );

    const noData = (reply: { code: (n: number) => { send: (b: ErrorBody) => unknown } }) =>
      reply
        .code(503)
        .send(
          body(
            503,
            'no recommender is loaded: start the server with data, e.g. dplab serve --interactions interactions.csv (user,item[,rating][,date]) [--items items.csv]',
          ),
        );
    const kOf = (raw: string | undefined) => (raw === undefined ? serverDefaults.k : Number(raw));
    const badK = (k: number) => !(k >= 1 && k <= 1000);

    api.get<{ Params: { user: string }; Querystring: { k?: string } }>(
      '/v1/recommendations/:user',
      {
        schema: {
          summary: "A known user's top-k items",
          params: { type: 'object', properties: { user: { type: 'string' } } },
          querystring: { type: 'object', properties: { k: kQuery }, additionalProperties: false },
          response: { 200: recommendationsSchema },
        },
      },
      (request, reply) => {
        if (!recommender) return noData(reply);
        const k = kOf(request.query.k);
        if (badK(k))
          return reply
            .code(400)
            .send(body(400, `k must be between 1 and 1000, got ${k}`, { path: '/k', in: 'querystring' }));
        const { user } = request.params;
        const list = recommender.forUser(user, k);
        if (!list)
          return reply.code(404).send({
            ...body(
              404,
              `unknown user "${user}": not in the interactions the server was started with. The cold-start fallback is "popularity" (its top ${k} are below); for a new user with some items, POST /v1/recommendations { "items": [...] }`,
            ),
            fallback: 'popularity',
            recommendations: recommender.popular(k),
          });
        return { user, model: recommender.algo, k, recommendations: list, coldStart: false };
      },
    );

    api.post<{ Body: { items: string[]; k?: number } }>(
      '/v1/recommendations',
      {
        schema: {
          summary: "Top-k items for a basket or a new user's items",
          body: {
            type: 'object',
            required: ['items'],
            additionalProperties: false,
            properties: {
              items: { type: 'array', maxItems: 10_000, items: { type: 'string' } },
              k: { type: 'integer', minimum: 1, maximum: 1000, default: serverDefaults.k },
            },
          },
          response: { 200: recommendationsSchema },
        },
      },
      (request, reply) => {
        if (!recommender) return noData(reply);
        const k = request.body.k ?? serverDefaults.k;
        const { items, unknownItems, coldStart } = recommender.forBasket(request.body.items, k);
        return {
          model: coldStart ? 'pop' : recommender.algo,
          k,
          recommendations: items,
          coldStart,
          unknownItems,
        };
      },
    );
  });
  return app;
}
