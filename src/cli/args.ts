/**
 * The command-line values `dplab forecast` and `dplab recommend` share: whole numbers, comma lists and
 * output files. Each parser names the flag and what it expected, so a mistake is a one-line usage
 * error (`dplab` prints it and exits 1).
 */

/** `--name`'s value as a whole number ≥ 1, or `fallback` when the flag is not given. */
export function positiveInt(name: string, value: string | undefined): number | undefined;
export function positiveInt(name: string, value: string | undefined, fallback: number): number;
export function positiveInt(name: string, value: string | undefined, fallback?: number): number | undefined {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number ≥ 1, got "${value}"`);
  return n;
}

/** `--name`'s value as a whole number (any sign), or `fallback` when the flag is not given. */
export function wholeNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new Error(`--${name} must be a whole number, got "${value}"`);
  return n;
}

/** The entries of a comma-separated list, trimmed, empty ones dropped (`"a, b,"` → `['a', 'b']`). */
export function commaList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The file formats `--out` writes, by file-name ending. */
export const outputFormats = ['.csv', '.json'] as const;

export type OutputFormat = (typeof outputFormats)[number];

/** The format of the `--out` file by its ending (case matters), or a usage error. */
export function outputFormat(file: string): OutputFormat {
  const format = outputFormats.find((ext) => file.endsWith(ext));
  if (!format) throw new Error(`--out must end in ${outputFormats.join(' or ')}, got "${file}"`);
  return format;
}
