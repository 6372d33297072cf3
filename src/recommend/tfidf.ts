/**
 * TF-IDF document vectors with the defaults of scikit-learn's `TfidfVectorizer` (1.2+): lower-cased
 * tokens of two or more word characters (`token_pattern=r"(?u)\b\w\w+\b"`), raw term counts
 * (`sublinear_tf=False`), smoothed inverse document frequency idf(t) = ln((1 + n) / (1 + df(t))) + 1
 * (`smooth_idf=True`), rows scaled to unit Euclidean length (`norm='l2'`), and the vocabulary in sorted
 * order (scikit-learn's `get_feature_names_out()`). See scikit-learn's user guide §6.2.3.4, "Tf–idf term
 * weighting"; Salton & Buckley, "Term-weighting approaches in automatic text retrieval", 1988.
 */
import type { SparseVectors } from './interactions.ts';

/** Options of {@link fitTfidf}; the defaults are scikit-learn's. */
export interface TfidfOptions {
  /** Lower-case before tokenising. Default true. */
  lowercase?: boolean;
  /** Words to drop (compared after lower-casing). Default none. */
  stopWords?: readonly string[];
  /**
   * Drop terms in fewer documents than this: an integer ≥ 1 is a count, a number in (0, 1) a share of the
   * documents (as scikit-learn's int / float `min_df`). Default 1.
   */
  minDf?: number;
  /**
   * Drop terms in more documents than this: a number in (0, 1] is a share of the documents, an integer
   * > 1 a count (scikit-learn's float / int `max_df`; its `max_df=1`, one document, cannot be said here:
   * 1 means 100 %). Default 1.
   */
  maxDf?: number;
  /** Add one to document frequencies, as if one extra document held every term once. Default true. */
  smoothIdf?: boolean;
  /** Use 1 + ln(tf) instead of the raw count tf. Default false. */
  sublinearTf?: boolean;
  /** Row normalisation. Default `'l2'`. */
  norm?: 'l2' | 'l1' | 'none';
}

export const tfidfDefaults = {
  lowercase: true,
  stopWords: [],
  minDf: 1,
  maxDf: 1,
  smoothIdf: true,
  sublinearTf: false,
  norm: 'l2',
} as const;

/** A fitted vectoriser: the sorted vocabulary and each term's idf. */
export interface TfidfModel {
  options: Required<TfidfOptions>;
  vocabulary: string[];
  idf: Float64Array;
}

/** Splits text into tokens as scikit-learn's default `token_pattern`: runs of ≥ 2 letters, digits or '_'. */
export function tokenize(text: string, { lowercase = true }: { lowercase?: boolean } = {}): string[] {
  const s = lowercase ? text.toLowerCase() : text;
  return (s.match(/[\p{L}\p{N}_]+/gu) ?? []).filter((t) => [...t].length >= 2);
}

/** Learns the vocabulary and idf from documents. */
export function fitTfidf(docs: readonly string[], options: TfidfOptions = {}): TfidfModel {
  const o = resolveTfidfOptions(options);
  const n = docs.length;
  if (n === 0) throw new RangeError('no documents: TF-IDF needs at least one');
  const stop = new Set(o.stopWords);
  const df = new Map<string, number>();
  docs.forEach((doc, d) => {
    if (typeof doc !== 'string')
      throw new TypeError(`document ${d + 1} is ${typeof doc}: give text ('' for none)`);
    for (const t of new Set(tokenize(doc, o))) if (!stop.has(t)) df.set(t, (df.get(t) ?? 0) + 1);
  });
  const minCount = o.minDf >= 1 ? o.minDf : o.minDf * n;
  const maxCount = o.maxDf <= 1 ? o.maxDf * n : o.maxDf;
  const vocabulary = [...df].filter(([, c]) => c >= minCount && c <= maxCount).map(([t]) => t);
  vocabulary.sort();
  if (vocabulary.length === 0) {
    throw new RangeError(
      'empty vocabulary: no term passes minDf/maxDf (or the documents have no words); relax them',
    );
  }
  const plus = o.smoothIdf ? 1 : 0;
  const idf = Float64Array.from(vocabulary, (t) => Math.log((n + plus) / ((df.get(t) ?? 0) + plus)) + 1);
  return { options: o, vocabulary, idf };
}

/** TF-IDF rows of documents under a fitted model (terms outside its vocabulary are ignored). */
export function transformTfidf(model: TfidfModel, docs: readonly string[]): SparseVectors {
  const o = model.options;
  const column = new Map(model.vocabulary.map((t, k) => [t, k]));
  const ptr = new Int32Array(docs.length + 1);
  const index: number[] = [];
  const value: number[] = [];
  docs.forEach((doc, d) => {
    const counts = new Map<number, number>();
    for (const t of tokenize(doc, o)) {
      const c = column.get(t);
      if (c !== undefined) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    const entries = [...counts].sort((a, b) => a[0] - b[0]);
    const cols = entries.map(([c]) => c);
    const w = entries.map(([c, tf]) => (o.sublinearTf ? 1 + Math.log(tf) : tf) * model.idf[c]);
    const scale =
      o.norm === 'l2'
        ? Math.sqrt(w.reduce((s, v) => s + v * v, 0))
        : o.norm === 'l1'
          ? w.reduce((s, v) => s + v, 0)
          : 1;
    cols.forEach((c, k) => {
      index.push(c);
      value.push(scale > 0 ? w[k] / scale : 0);
    });
    ptr[d + 1] = index.length;
  });
  return { ptr, index: Int32Array.from(index), value: Float64Array.from(value) };
}

/** Fits and transforms in one step (scikit-learn's `fit_transform`). */
export function tfidf(
  docs: readonly string[],
  options: TfidfOptions = {},
): { model: TfidfModel; matrix: SparseVectors } {
  const model = fitTfidf(docs, options);
  return { model, matrix: transformTfidf(model, docs) };
}

function resolveTfidfOptions(options: TfidfOptions): Required<TfidfOptions> {
  const d = tfidfDefaults;
  const o = {
    lowercase: options.lowercase ?? d.lowercase,
    stopWords: [...(options.stopWords ?? d.stopWords)],
    minDf: options.minDf ?? d.minDf,
    maxDf: options.maxDf ?? d.maxDf,
    smoothIdf: options.smoothIdf ?? d.smoothIdf,
    sublinearTf: options.sublinearTf ?? d.sublinearTf,
    norm: options.norm ?? d.norm,
  };
  if (!(o.minDf > 0) || (o.minDf >= 1 && !Number.isInteger(o.minDf))) {
    throw new RangeError(`invalid minDf: ${o.minDf} (a count ≥ 1, or a share of the documents in (0, 1))`);
  }
  if (!(o.maxDf > 0) || (o.maxDf > 1 && !Number.isInteger(o.maxDf))) {
    throw new RangeError(`invalid maxDf: ${o.maxDf} (a share of the documents in (0, 1], or a count > 1)`);
  }
  if (o.norm !== 'l2' && o.norm !== 'l1' && o.norm !== 'none') {
    throw new RangeError(`invalid norm: ${String(o.norm)} (must be 'l2', 'l1' or 'none')`);
  }
  return o;
}
