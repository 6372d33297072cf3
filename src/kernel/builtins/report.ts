/**
 * `report({ mase, smape, … })`: a cell hands metrics to the experiment journal, which records them
 * with the notebook's control values when the run settles. The metrics are also shown below the
 * cell, so the student sees what was recorded.
 */
import type { Output } from '../../protocol.ts';

type ReportOutput = Extract<Output, { kind: 'report' }>;

/** Options of `report`. */
export interface ReportOptions {
  /** Names what was measured when a notebook reports more than one thing (e.g. `'hold-out'`). */
  label?: string;
}

/**
 * Checks and copies the metrics: a plain object of finite numbers (or `NaN`, kept as missing), at
 * most 50 of them. Throws a `TypeError` saying what to pass instead.
 */
export function reportOutput(metrics: unknown, options: ReportOptions = {}): ReportOutput {
  if (typeof metrics !== 'object' || metrics === null || Array.isArray(metrics)) {
    throw new TypeError(
      'report() expects an object of named numbers, e.g. report({ mase: 0.91, smape: 12.4 })',
    );
  }
  const entries = Object.entries(metrics);
  if (entries.length === 0) throw new TypeError('report() needs at least one metric, e.g. report({ mae })');
  if (entries.length > 50) throw new TypeError(`report() takes at most 50 metrics, got ${entries.length}`);
  const copy: Record<string, number> = {};
  for (const [name, value] of entries) {
    if (typeof value !== 'number') {
      throw new TypeError(
        `report(): metric \`${name}\` must be a number, got ${value === null ? 'null' : typeof value}`,
      );
    }
    copy[name] = value;
  }
  const output: ReportOutput = { kind: 'report', metrics: copy };
  if (options?.label !== undefined) {
    if (typeof options.label !== 'string') throw new TypeError('report(): label must be a string');
    output.label = options.label;
  }
  return output;
}
