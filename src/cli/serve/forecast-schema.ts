/**
 * The JSON schema of `POST /v1/forecast`, built from the forecasting registry: the model names are
 * the registry's, and each model's `params` are the options its defaults list (as the CLI's
 * `--param`), typed by their defaults — a tuple of whole numbers, a number, true/false, or one of the
 * allowed words. Fastify validates bodies with it and @fastify/swagger publishes it.
 */
import { forecastMethods, type ForecastMethod } from '../../forecast/registry.ts';

/** The most steps, series and values one request may ask for. */
export const forecastLimits = { horizon: 10_000, series: 1_000 } as const;

function optionSchema(method: ForecastMethod, name: string): Record<string, unknown> {
  const d = method.defaults![name];
  if (Array.isArray(d))
    return {
      type: 'array',
      items: { type: 'integer', minimum: 0 },
      minItems: d.length,
      maxItems: d.length,
      default: d,
    };
  if (typeof d === 'number') return { type: 'number', default: d };
  if (typeof d === 'boolean') return { type: 'boolean', default: d };
  const words = method.choices?.[name];
  return words ? { type: 'string', enum: [...words], default: d } : { type: 'string', default: d };
}

/** `params`: an object per model, with only that model's options. */
function paramsSchema() {
  return {
    type: 'object',
    description: 'Options by model, as `dplab forecast --param`, e.g. { "arima": { "order": [2, 1, 0] } }.',
    additionalProperties: false,
    properties: Object.fromEntries(
      forecastMethods.map((m) => [
        m.name,
        {
          type: 'object',
          additionalProperties: false,
          properties: Object.fromEntries(Object.keys(m.defaults ?? {}).map((k) => [k, optionSchema(m, k)])),
        },
      ]),
    ),
  };
}

export const forecastBodySchema = {
  type: 'object',
  required: ['series', 'horizon', 'models'],
  additionalProperties: false,
  properties: {
    series: {
      type: 'array',
      minItems: 1,
      maxItems: forecastLimits.series,
      items: {
        type: 'object',
        required: ['id', 'values'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', minLength: 1 },
          values: { type: 'array', minItems: 1, items: { type: 'number' } },
          period: { type: 'integer', minimum: 1, default: 1 },
        },
      },
    },
    horizon: { type: 'integer', minimum: 1, maximum: forecastLimits.horizon },
    models: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { type: 'string', enum: forecastMethods.map((m) => m.name) },
    },
    level: {
      type: 'array',
      minItems: 1,
      items: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 100 },
      default: [80, 95],
    },
    params: paramsSchema(),
  },
} as const;

const interval = {
  type: 'object',
  properties: {
    level: { type: 'number' },
    lower: { type: 'array', items: { type: ['number', 'null'] } },
    upper: { type: 'array', items: { type: ['number', 'null'] } },
  },
};

export const forecastResponseSchema = {
  type: 'object',
  properties: {
    horizon: { type: 'integer' },
    level: { type: 'array', items: { type: 'number' } },
    results: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          forecasts: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                model: { type: 'string' },
                spec: { type: 'string' },
                aicc: { type: ['number', 'null'] },
                mean: { type: 'array', items: { type: ['number', 'null'] } },
                intervals: { type: 'array', items: interval },
                ms: { type: 'number' },
                error: { type: 'string' },
              },
            },
          },
        },
      },
    },
  },
} as const;
