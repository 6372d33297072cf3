/**
 * A notebook's metadata: reading the YAML front matter and checking the keys the app knows.
 *
 * Unknown keys are kept as YAML gives them. A known key with the wrong type is reported and left
 * out, so the app can rely on the types below without checking again.
 */
import { isMap, isScalar, parseDocument, type Document } from 'yaml';
import type { NotebookProblem } from './notebook-problem.ts';
import { countLineBreaks } from './split-lines.ts';
import { readNetworkHost } from './network-host.ts';

/** The front matter of a notebook, validated. */
export interface NotebookMeta {
  /** Shown as the notebook's heading and in the list of notebooks. */
  title?: string;
  /** One or two sentences for the list of notebooks. */
  summary?: string;
  /** Sort key in the list of notebooks (lower first). */
  order?: number;
  tags?: string[];
  /** Files under `datasets/` the notebook uses: relative paths with no `..`, so they stay in that folder. */
  datasets?: string[];
  /** Whether to run all cells when the notebook opens. Absent means `true`. */
  autorun?: boolean;
  /**
   * Hosts the notebook's code may connect to (`fetch`, WebSocket), e.g. `[api.example.com]`; see
   * `network-host.ts` for the form. Without it cells reach no network at all. A notebook from
   * outside the app gets them only if the student agrees when asked to run it.
   */
  network?: string[];
  /** Unknown keys, kept as YAML parsed them. */
  [key: string]: unknown;
}

/** The result of reading front matter: the metadata and what was wrong with it. */
export interface MetaReading {
  meta: NotebookMeta;
  problems: NotebookProblem[];
}

type Check = (value: unknown) => boolean;

const isString: Check = (value) => typeof value === 'string';
const isStringList: Check = (value) => Array.isArray(value) && value.every(isString);

/**
 * Known keys: how to check each, and the expected type in words for the message. A Map, not an
 * object, so keys such as `constructor` in the YAML do not find Object.prototype members.
 */
const KNOWN = new Map<string, { check: Check; expected: string }>(
  Object.entries({
    title: { check: isString, expected: 'a string, e.g. title: Moving averages' },
    summary: { check: isString, expected: 'a string' },
    order: {
      check: (value) => typeof value === 'number' && Number.isFinite(value),
      expected: 'a number, e.g. order: 3',
    },
    tags: { check: isStringList, expected: 'a list of strings, e.g. tags: [forecasting, basics]' },
    datasets: { check: isStringList, expected: 'a list of file names, e.g. datasets: [airline.csv]' },
    autorun: { check: (value) => typeof value === 'boolean', expected: 'true or false' },
    network: { check: isStringList, expected: 'a list of host names, e.g. network: [api.example.com]' },
  }),
);

/** A dataset path must stay inside `datasets/`: no absolute paths, no `..`, no URLs or backslashes. */
function isSafeDatasetPath(path: string): boolean {
  return path !== '' && !/^\/|\\|:/.test(path) && !path.split('/').includes('..');
}

/**
 * Parses front matter YAML and validates the known keys.
 *
 * @param yaml - the text between the two `---` lines
 * @param firstLine - the 1-based line in the file where `yaml` starts, so problems name file lines
 */
export function readNotebookMeta(yaml: string, firstLine: number): MetaReading {
  const problems: NotebookProblem[] = [];
  // YAML reports some errors at the very end of its input; clamp so they name the last YAML line
  // rather than the closing `---`.
  const lastOffset = Math.max(0, yaml.trimEnd().length - 1);
  const lineAt = (offset: number): number =>
    firstLine + countLineBreaks(yaml.slice(0, Math.min(offset, lastOffset)));
  const report = (line: number, message: string): void => {
    problems.push({ line, message: `line ${line}: ${message}` });
  };

  // logLevel 'error' keeps yaml from printing warnings (e.g. about collection keys) to the console.
  const doc = parseDocument(yaml, { prettyErrors: false, logLevel: 'error' });
  const error = doc.errors[0];
  if (error !== undefined) {
    const reason = (error.message.split('\n')[0] ?? '').replace(/[.:]\s*$/, '');
    report(
      lineAt(error.pos[0]),
      `front matter is not valid YAML: ${reason}. Fix the YAML between the two --- lines.`,
    );
    return { meta: {}, problems };
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // toJS throws on alias bombs ("billion laughs") and similar; report instead of failing.
    report(firstLine, `front matter could not be read: ${String(e instanceof Error ? e.message : e)}.`);
    return { meta: {}, problems };
  }
  if (data === null || data === undefined) return { meta: {}, problems };
  if (typeof data !== 'object' || Array.isArray(data)) {
    report(
      firstLine,
      'front matter must be YAML `key: value` pairs, one per line, e.g. `title: My notebook`.',
    );
    return { meta: {}, problems };
  }

  const entries: [string, unknown][] = [];
  for (const [key, value] of Object.entries(data)) {
    const known = KNOWN.get(key);
    if (known !== undefined && !known.check(value)) {
      report(
        keyLine(doc, key, lineAt),
        `front matter key "${key}" must be ${known.expected}; it is ignored.`,
      );
      continue;
    }
    if (key === 'datasets' && Array.isArray(value)) {
      const safe = value.filter((path: string) => isSafeDatasetPath(path));
      for (const path of value.filter((p: string) => !safe.includes(p))) {
        report(
          keyLine(doc, key, lineAt),
          `dataset "${path}" must be a file name under datasets/ (no leading /, no .., no \\ or :); it is ignored.`,
        );
      }
      entries.push([key, safe]);
      continue;
    }
    if (key === 'network' && Array.isArray(value)) {
      const hosts = value.filter((host: string) => readNetworkHost(host) !== undefined);
      for (const host of value.filter((h: string) => !hosts.includes(h))) {
        report(
          keyLine(doc, key, lineAt),
          `network host "${host}" must be a host name with an optional scheme and port (api.example.com, http://localhost:8080), without a path; it is ignored.`,
        );
      }
      entries.push([key, hosts]);
      continue;
    }
    entries.push([key, value]);
  }
  // fromEntries defines own properties, so a `__proto__` key cannot change the prototype.
  return { meta: Object.fromEntries(entries), problems };
}

/** The file line of a top-level key, or the first YAML line when it cannot be found. */
function keyLine(doc: Document, key: string, lineAt: (offset: number) => number): number {
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && String(pair.key.value) === key && pair.key.range) {
        return lineAt(pair.key.range[0]);
      }
    }
  }
  return lineAt(0);
}
