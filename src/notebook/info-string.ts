/**
 * Reading a fence's info string: the language, then options, as in
 * ```` ```ts hidden exercise id=ma-1 ````.
 */

/** A parsed info string. */
export interface InfoString {
  /** The first word, e.g. `ts`; `''` when the info string is empty. */
  lang: string;
  /** The options after the language, in the order written. */
  options: Record<string, string | true>;
}

/** The languages whose fenced blocks are runnable cells (compared ignoring letter case). */
const RUNNABLE = new Set(['ts', 'typescript']);

/** Whether a fence language makes the block a runnable cell. */
export function isRunnableLang(lang: string): boolean {
  return RUNNABLE.has(lang.toLowerCase());
}

// A word, optionally `=value` where the value may be quoted to hold spaces.
const OPTION = /([^\s=]+)(?:=("[^"]*"|'[^']*'|\S*))?/g;

/**
 * Parses an info string. Bare words become `{ word: true }`; `name=value` becomes
 * `{ name: 'value' }` (`name="a b"` keeps the spaces and drops the quotes). A repeated option
 * keeps its first position and its last value.
 */
export function parseInfoString(info: string): InfoString {
  const trimmed = info.trim();
  const lang = /^\S*/.exec(trimmed)?.[0] ?? '';
  // Built with defineProperty-like semantics via Object.fromEntries below, so an option named
  // `__proto__` is kept as data and cannot change the object's prototype.
  const entries = new Map<string, string | true>();
  for (const match of trimmed.slice(lang.length).matchAll(OPTION)) {
    const name = match[1] ?? '';
    const value = match[2];
    if (value === undefined) entries.set(name, true);
    else entries.set(name, /^(["']).*\1$/s.test(value) ? value.slice(1, -1) : value);
  }
  return { lang, options: Object.fromEntries(entries) };
}
