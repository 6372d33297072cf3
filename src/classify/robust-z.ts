/**
 * An anomaly score from robust z-scores: each feature's distance from its median in units of its
 * scaled median absolute deviation, z = (x − median) / (1.4826 · MAD) — the constant makes the MAD a
 * consistent estimate of the standard deviation for normal data, as R's `mad()` — learnt on a
 * training set and applied to new rows (Iglewicz & Hoaglin 1993; Leys et al. 2013). Unlike a mean and
 * a standard deviation, the median and the MAD are not dragged by the very outliers they should find.
 * A row's score is its largest |z| (or the root mean square of its z's), so the explanation of a high
 * score is the feature that gave it.
 */

/** The medians and scaled MADs learnt from training rows. */
export interface RobustZFit {
  medians: number[];
  /** 1.4826 · MAD per feature; a feature whose MAD is 0 gets its mean absolute deviation instead (or 1). */
  scales: number[];
}

/** R's `mad()` constant. */
export const madScale = 1.4826;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
}

function checkRows(name: string, rows: readonly (readonly number[])[], p?: number): number {
  if (rows.length === 0) throw new RangeError(`${name}: no rows`);
  const width = p ?? rows[0]!.length;
  rows.forEach((r, i) => {
    if (r.length !== width)
      throw new RangeError(`${name}: row ${i} has ${r.length} features, expected ${width}`);
    r.forEach((v, j) => {
      if (!Number.isFinite(v)) throw new RangeError(`${name}: feature ${j} of row ${i} is ${v}`);
    });
  });
  return width;
}

/** Learns each feature's median and scaled MAD from `rows`. */
export function fitRobustZ(rows: readonly (readonly number[])[]): RobustZFit {
  const p = checkRows('fitRobustZ', rows);
  const medians: number[] = [];
  const scales: number[] = [];
  for (let j = 0; j < p; j++) {
    const col = rows.map((r) => r[j]!);
    const m = median(col);
    const deviations = col.map((v) => Math.abs(v - m));
    const mad = madScale * median(deviations);
    // A feature constant for most rows (a flag) has MAD 0: fall back on the mean absolute deviation
    // (scaled like the MAD, √(π/2) for normal data), then on 1, so that z stays finite.
    const meanDev = deviations.reduce((s, d) => s + d, 0) / deviations.length;
    medians.push(m);
    scales.push(mad > 0 ? mad : meanDev > 0 ? meanDev * Math.sqrt(Math.PI / 2) : 1);
  }
  return { medians, scales };
}

/** The robust z of every feature of every row. */
export function robustZ(fit: RobustZFit, rows: readonly (readonly number[])[]): number[][] {
  checkRows('robustZ', rows, fit.medians.length);
  return rows.map((r) => r.map((v, j) => (v - fit.medians[j]!) / fit.scales[j]!));
}

/** Options of {@link anomalyScore}. */
export interface AnomalyScoreOptions {
  /** `max` (default): the largest |z| of the row; `rms`: the root mean square of its z's. */
  combine?: 'max' | 'rms';
}

/** One anomaly score per row: higher is stranger. */
export function anomalyScore(
  fit: RobustZFit,
  rows: readonly (readonly number[])[],
  { combine = 'max' }: AnomalyScoreOptions = {},
): number[] {
  if (combine !== 'max' && combine !== 'rms')
    throw new RangeError(`anomalyScore: combine must be 'max' or 'rms', got "${String(combine)}"`);
  return robustZ(fit, rows).map((z) =>
    combine === 'max' ? Math.max(...z.map(Math.abs)) : Math.sqrt(z.reduce((s, v) => s + v * v, 0) / z.length),
  );
}
