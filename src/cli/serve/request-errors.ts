/**
 * The error bodies of `dplab serve`: `{ error, message, path? }`, where `path` is the JSON pointer of
 * the bad value (`/series/0/values/3`) and `message` says what is wrong and what to do. Schema errors
 * (from Fastify's Ajv) are reworded here; the options of a forecasting model are described by the
 * registry's own `parseMethodOption` messages, so the server and the CLI say the same thing.
 */
import { forecastMethod, forecastMethods, parseMethodOption } from '../../forecast/registry.ts';

/** One validation error as Ajv reports it (with `verbose: true`, so `data` and `parentSchema` are set). */
export interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
  data?: unknown;
  parentSchema?: Record<string, unknown>;
}

/** The body of a 4xx/5xx answer. */
export interface ErrorBody {
  error: string;
  message: string;
  /** JSON pointer of the bad value, in the part of the request named by `in`. */
  path?: string;
  in?: string;
}

const show = (v: unknown) => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v));
const article = (t: string) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`);

/** A hint for a missing or mistyped field, by its name. */
const hints: Record<string, string> = {
  series: 'give an array of { "id": "air", "values": [112, 118, …], "period": 12 }',
  horizon: 'give the number of steps to forecast, a whole number ≥ 1, e.g. 12',
  models: `list the models to run, e.g. ["snaive", "ets"], from: ${forecastMethods.map((m) => m.name).join(', ')}`,
  id: 'name the series, e.g. "air"',
  values: 'give the observations in time order as numbers (JSON has no NaN: fill or drop missing values)',
  items: 'list the item ids of the basket or of the new user, e.g. ["I0001", "I0002"]',
};

/** `/params/arima/order` → the model and option it names, when it is under `params`. */
function paramOf(path: string): { model: string; option?: string } | undefined {
  const m = /^\/params\/([^/]+)(?:\/([^/]+))?/.exec(path);
  return m ? { model: m[1], option: m[2] } : undefined;
}

/** What a value of a model's option must be, from its default. */
function optionForm(model: string, option: string): string {
  const method = forecastMethod(model);
  const d = method.defaults?.[option];
  if (Array.isArray(d)) return `an array of ${d.length} whole numbers ≥ 0, e.g. [${d.join(', ')}]`;
  if (typeof d === 'number') return 'a number';
  if (typeof d === 'boolean') return 'true or false';
  const words = method.choices?.[option];
  return words ? `one of ${words.map(show).join(', ')}` : 'a string';
}

/** The pointer and message of the first schema error. */
export function describeSchemaError(e: SchemaError): { path: string; message: string } {
  const at = e.instancePath;
  const field = at.split('/').pop() ?? '';
  switch (e.keyword) {
    case 'required': {
      const name = String(e.params.missingProperty);
      return { path: `${at}/${name}`, message: `${name} is missing: ${hints[name] ?? `add ${name}`}` };
    }
    case 'additionalProperties': {
      const name = String(e.params.additionalProperty);
      const path = `${at}/${name}`;
      if (at === '/params')
        return {
          path,
          message: `unknown model "${name}" in params: choose from ${forecastMethods.map((m) => m.name).join(', ')}`,
        };
      const param = paramOf(path);
      if (param?.option) {
        try {
          parseMethodOption(forecastMethod(param.model), param.option, '');
        } catch (error) {
          return { path, message: (error as Error).message };
        }
      }
      const allowed = Object.keys((e.parentSchema?.properties as object | undefined) ?? {});
      return {
        path,
        message: `unknown field "${name}"${allowed.length ? `: the fields here are ${allowed.join(', ')}` : ''}`,
      };
    }
    case 'enum': {
      const allowed = (e.params.allowedValues as unknown[]).map(String).join(', ');
      const what = /^\/models\/\d+$/.test(at)
        ? `unknown model ${show(e.data)}`
        : `${show(e.data)} is not allowed`;
      return { path: at, message: `${what}: choose from ${allowed}` };
    }
    default:
      break;
  }
  const param = paramOf(at);
  if (param?.option)
    return {
      path: at,
      message: `${param.model}.${param.option} must be ${optionForm(param.model, param.option)}, got ${show(e.data)}`,
    };
  switch (e.keyword) {
    case 'type': {
      const type = String(e.params.type).replace(',', ' or ');
      const hint = hints[field] ?? (/^\/series\/\d+\/values\/\d+$/.test(at) ? hints.values : '');
      return {
        path: at,
        message: `must be ${article(type)}, got ${show(e.data)}${hint ? `: ${hint}` : ''}`,
      };
    }
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum': {
      const op = { minimum: '≥', exclusiveMinimum: '>', maximum: '≤', exclusiveMaximum: '<' }[e.keyword];
      return { path: at, message: `must be ${op} ${String(e.params.limit)}, got ${show(e.data)}` };
    }
    case 'minItems':
      return {
        path: at,
        message: `must have at least ${String(e.params.limit)} ${e.params.limit === 1 ? 'entry' : 'entries'}${hints[field] ? `: ${hints[field]}` : ''}`,
      };
    case 'maxItems':
      return { path: at, message: `must have at most ${String(e.params.limit)} entries` };
    case 'uniqueItems':
      return {
        path: at,
        message: `has the same entry twice (at ${String(e.params.j)} and ${String(e.params.i)}); list each once`,
      };
    case 'minLength':
      return { path: at, message: `must not be empty` };
    case 'pattern':
      return { path: at, message: `must be a whole number, got ${show(e.data)}` };
    default:
      return { path: at, message: e.message ?? 'is not valid' };
  }
}
