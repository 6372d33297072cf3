/**
 * The hyperparameters `dplab recommend --param <algo>.<option>=<value>` sets. Each algorithm's options,
 * defaults and the allowed words of its string options are read from its registry entry (the library's
 * exported defaults objects), so the CLI never states a default the library does not use. A value is
 * parsed as the type of its default (number, boolean or one of the words); whether a number is in range
 * is left to the fit function, whose message is shown.
 */
import type { OptionGroup } from '../../recommend/index.ts';
import { algorithms, type Algorithm } from './algorithms.ts';

/** A parsed option value. */
export type ParamValue = number | boolean | string;

/** One option of an algorithm. */
export interface ParamSpec {
  /** The name on the command line (`tfidf.minDf` for the nested TF-IDF options of `content`). */
  name: string;
  defaultValue: ParamValue;
  /** The allowed words of a string option. */
  choices?: readonly string[];
}

/** Each algorithm's options, by name; the values it was given, by option name. */
export type AlgorithmParams = Record<string, ParamValue>;

/** The options seeded by `--seed` unless given: their default is whatever `--seed` is (1 by default). */
export const seededOption = 'seed';

/**
 * The specs of a group of options, named with `prefix`. Options whose default is not a number, boolean
 * or string (the TF-IDF stop-word list) cannot be said in one `--param` and are left out.
 */
function fromDefaults({ defaults, choices = {} }: OptionGroup<object>, prefix = ''): ParamSpec[] {
  const words: Partial<Record<string, readonly string[]>> = choices;
  return Object.entries(defaults)
    .filter((entry): entry is [string, ParamValue] =>
      ['number', 'boolean', 'string'].includes(typeof entry[1]),
    )
    .map(([name, v]) => ({
      name: prefix + name,
      defaultValue: v,
      ...(words[name] ? { choices: words[name] } : {}),
    }));
}

/** An algorithm's options: its own, then those of its nested option groups as `group.option`. */
function paramSpecs(a: Algorithm): ParamSpec[] {
  const groups: [string, OptionGroup<object> | undefined][] = Object.entries(a.nested ?? {});
  return [...fromDefaults(a), ...groups.flatMap(([key, g]) => (g ? fromDefaults(g, `${key}.`) : []))];
}

/** Every algorithm's options, in the order the command lists algorithms. */
export const algorithmParamSpecs: Readonly<Record<string, readonly ParamSpec[]>> = Object.fromEntries(
  algorithms.map((a) => [a.cli, paramSpecs(a)]),
);

/**
 * Other spellings accepted for an option. The library writes British "neighbours"; American
 * "neighbors" is what most people type, and rejecting it would only cost a retry.
 */
const aliases: Record<string, string> = { neighbors: 'neighbours' };

const show = (v: ParamValue) => String(v);

/** `name (default d)` for each option, or `name (default d: a | b)` with the allowed words. */
export function describeOptions(specs: readonly ParamSpec[]): string {
  return specs
    .map((s) =>
      s.name === seededOption
        ? `${s.name} (default: --seed)`
        : `${s.name} (default ${show(s.defaultValue)}${s.choices ? `; ${s.choices.join(' | ')}` : ''})`,
    )
    .join(', ');
}

/** Parses `raw` as the type of the option's default; a usage error says what was expected. */
function parseValue(spec: ParamSpec, raw: string, flag: string): ParamValue {
  const expected = (what: string) =>
    new Error(`${flag}: ${spec.name} must be ${what} (default ${show(spec.defaultValue)}), got "${raw}"`);
  switch (typeof spec.defaultValue) {
    case 'number': {
      const n = Number(raw.trim());
      if (raw.trim() === '' || !Number.isFinite(n)) throw expected('a number');
      return n;
    }
    case 'boolean':
      if (raw === 'true') return true;
      if (raw === 'false') return false;
      throw expected('true or false');
    default:
      if (spec.choices && !spec.choices.includes(raw)) throw expected(`one of ${spec.choices.join(', ')}`);
      return raw;
  }
}

/**
 * Parses the `--param` flags into each algorithm's options. `known` are the command's algorithm names,
 * `run` those this run fits: a parameter for an algorithm that is not run would silently do nothing, so
 * it is an error, as are an unknown algorithm or option, a bad value and an option given twice.
 */
export function parseParams(
  flags: readonly string[],
  known: readonly string[],
  run: readonly string[],
): Record<string, AlgorithmParams> {
  const out: Record<string, AlgorithmParams> = {};
  for (const text of flags) {
    const flag = `--param ${text}`;
    const m = /^([^.=\s]+)\.([^=]+)=(.*)$/s.exec(text);
    if (!m) throw new Error(`${flag}: expected <algo>.<option>=<value>, e.g. --param als.factors=32`);
    const [, algo, given, raw] = m;
    if (!known.includes(algo))
      throw new Error(`${flag}: unknown algorithm "${algo}": choose from ${known.join(', ')}`);
    const specs = algorithmParamSpecs[algo] ?? [];
    const name = aliases[given.trim()] ?? given.trim();
    const spec = specs.find((s) => s.name === name);
    if (!spec) {
      throw new Error(
        specs.length
          ? `${flag}: ${algo} has no option "${given}"; its options are ${describeOptions(specs)}`
          : `${flag}: ${algo} has no options`,
      );
    }
    const value = parseValue(spec, raw, flag);
    if (!run.includes(algo))
      throw new Error(`${flag}: ${algo} is not run (the algorithms are ${run.join(', ')}); see --algos`);
    const params = (out[algo] ??= {});
    if (name in params) throw new Error(`${flag}: ${algo}.${name} is given twice`);
    params[name] = value;
  }
  return out;
}

/**
 * The options of one algorithm as its fit function takes them: `seed` from `--seed` unless given (for
 * the algorithms that have one), and the `group.option` values gathered into their nested objects
 * (`tfidf.minDf=2` → `{ tfidf: { minDf: 2 } }` for the content-based recommender).
 */
export function fitOptions(
  algo: string,
  params: AlgorithmParams | undefined,
  seed: number,
): Record<string, unknown> {
  const seeded = algorithmParamSpecs[algo]?.some((s) => s.name === seededOption);
  const options: Record<string, unknown> = seeded ? { [seededOption]: seed } : {};
  const nested: Record<string, Record<string, ParamValue>> = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    const dot = name.indexOf('.');
    if (dot < 0) options[name] = value;
    else (nested[name.slice(0, dot)] ??= {})[name.slice(dot + 1)] = value;
  }
  return { ...options, ...nested };
}

/**
 * The options each algorithm ran with that differ from its defaults (`seed` from `--seed`), as lines to
 * print under the leaderboard — empty when every algorithm ran with its defaults.
 */
export function formatNonDefault(
  algos: readonly string[],
  params: Record<string, AlgorithmParams>,
  seed: number,
): string {
  const rows = algos.flatMap((algo) => {
    const changed = Object.entries(params[algo] ?? {}).filter(([name, value]) => {
      const spec = algorithmParamSpecs[algo]?.find((s) => s.name === name);
      return value !== (name === seededOption ? seed : spec?.defaultValue);
    });
    return changed.length ? [[algo, changed.map(([n, v]) => `${n}=${show(v)}`).join(', ')]] : [];
  });
  if (!rows.length) return '';
  const width = Math.max(...rows.map(([a]) => a.length));
  return ['Non-default parameters:', ...rows.map(([a, p]) => `  ${a.padEnd(width)}  ${p}`)].join('\n');
}

/** Every algorithm's options with their defaults, for `--list-params`. */
export function formatParamList(algos: readonly string[]): string {
  const lines = ['Parameters (set with --param <algo>.<option>=<value>; seed defaults to --seed):'];
  for (const algo of algos) {
    const specs = algorithmParamSpecs[algo] ?? [];
    lines.push('', `${algo}:`);
    if (!specs.length) lines.push('  (no options)');
    const width = Math.max(0, ...specs.map((s) => s.name.length));
    for (const s of specs) {
      const def = s.name === seededOption ? '--seed' : show(s.defaultValue);
      lines.push(
        `  ${s.name.padEnd(width)}  default ${def}${s.choices ? `  (${s.choices.join(' | ')})` : ''}`,
      );
    }
  }
  return lines.join('\n');
}
