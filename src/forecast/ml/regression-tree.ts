/**
 * A CART regression tree (Breiman, Friedman, Olshen & Stone, *Classification and Regression Trees*,
 * 1984) grown as scikit-learn's `DecisionTreeRegressor(criterion="squared_error", splitter="best")`:
 *
 * - Each split maximises the weighted reduction of the sum of squares, through sklearn's proxy
 *   S_L²/W_L + S_R²/W_R (S = weighted sum of the target, W = weight), which orders splits the same.
 *   The first best split found wins ties (strict `>`). Features are scanned in a fresh random order
 *   at each node when a generator is given (as sklearn, whose `random_state` thereby breaks ties:
 *   lags of a trending series often split a small node into the same two groups), in column order
 *   otherwise; with `maxFeatures` < p only the first `maxFeatures` non-constant ones are tried.
 * - Thresholds are midpoints between consecutive distinct values (values closer than 1e-7 count as
 *   equal, sklearn's FEATURE_THRESHOLD); a row goes left when its value is ≤ the threshold.
 * - A node is a leaf at `maxDepth`, with fewer than `minSamplesSplit` rows, with fewer than
 *   2·`minSamplesLeaf` rows, when it is pure, or when no split leaves `minSamplesLeaf` rows each side.
 *   Row counts are of distinct rows (a bootstrap's repeats are weights), as in sklearn.
 * - Leaf value: the weighted mean of the target.
 *
 * Rows are sorted once per feature (`presortColumns`) and the sorted lists are partitioned stably at
 * every split, so growing costs O(features × rows) a level with no sorting — the "presort" layout of
 * early sklearn and of exact XGBoost. The design is column-major: x[f·n + i].
 */
import type { SeededRandom } from '../../stats/random.ts';

/** A grown tree as plain arrays by node (node 0 is the root); a leaf has `feature` −1. */
export interface RegressionTree {
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  value: number[];
}

/** How a tree grows (sklearn's names and defaults; `maxFeatures` is a count here). */
export interface TreeGrowth {
  /** Deepest level of a split; Infinity for no limit. */
  maxDepth: number;
  minSamplesSplit: number;
  minSamplesLeaf: number;
  /** Features tried at each node (≤ the number of columns). */
  maxFeatures: number;
}

/** A column-major design with its per-feature row orders. */
export interface TreeData {
  x: Float64Array;
  n: number;
  p: number;
  /** For each feature, the rows sorted by its value (stable). */
  order: Uint32Array[];
}

// sklearn's tolerances: values this close are one value; a node this pure is a leaf.
const FEATURE_THRESHOLD = 1e-7;
const EPSILON = 2.220446049250313e-16;

/** Column-major copy of row-major `rows`, with each feature's rows sorted by value. */
export function presortColumns(rows: readonly (readonly number[])[]): TreeData {
  const n = rows.length;
  const p = n ? rows[0].length : 0;
  const x = new Float64Array(n * p);
  for (let i = 0; i < n; i++) for (let f = 0; f < p; f++) x[f * n + i] = rows[i][f];
  const order: Uint32Array[] = [];
  for (let f = 0; f < p; f++) {
    const o = new Uint32Array(n);
    for (let i = 0; i < n; i++) o[i] = i;
    const base = f * n;
    // TypedArray sort is stable (ES2019); ties keep row order.
    o.sort((a, b) => x[base + a] - x[base + b]);
    order.push(o);
  }
  return { x, n, p, order };
}

/**
 * Grows a tree on the rows with positive `weight` (a bootstrap's counts, a subsample's 0/1, or all 1),
 * fitting `y`. `random` orders the features scanned at each node (see above).
 */
export function growTree(
  data: TreeData,
  y: ArrayLike<number>,
  weight: ArrayLike<number>,
  growth: TreeGrowth,
  random?: SeededRandom,
): RegressionTree {
  const { x, n, p } = data;
  // Per feature, the in-sample rows in sorted order; a node owns the same segment in every list.
  let m = 0;
  for (let i = 0; i < n; i++) if (weight[i] > 0) m++;
  const lists = data.order.map((o) => {
    const list = new Uint32Array(m);
    let k = 0;
    for (let q = 0; q < n; q++) if (weight[o[q]] > 0) list[k++] = o[q];
    return list;
  });
  const tree: RegressionTree = { feature: [], threshold: [], left: [], right: [], value: [] };
  if (m === 0) throw new RangeError('a tree needs at least one row with positive weight');
  const goLeft = new Uint8Array(n);
  const buffer = new Uint32Array(m);
  const features = Array.from({ length: p }, (_, f) => f);
  // Depth-first, left child first, as sklearn's DepthFirstTreeBuilder.
  const stack: { start: number; end: number; depth: number; parent: number; isLeft: boolean }[] = [
    { start: 0, end: m, depth: 0, parent: -1, isLeft: false },
  ];
  while (stack.length) {
    const { start, end, depth, parent, isLeft } = stack.pop()!;
    const id = tree.value.length;
    if (parent >= 0) (isLeft ? tree.left : tree.right)[parent] = id;
    const rowsOf = lists[0];
    let w = 0;
    let s = 0;
    let ss = 0;
    for (let q = start; q < end; q++) {
      const r = rowsOf[q];
      const wr = weight[r];
      w += wr;
      s += wr * y[r];
      ss += wr * y[r] * y[r];
    }
    const mean = s / w;
    const impurity = ss / w - mean * mean;
    tree.feature.push(-1);
    tree.threshold.push(0);
    tree.left.push(-1);
    tree.right.push(-1);
    tree.value.push(mean);
    const count = end - start;
    if (
      depth >= growth.maxDepth ||
      count < growth.minSamplesSplit ||
      count < 2 * growth.minSamplesLeaf ||
      impurity <= EPSILON
    )
      continue;
    if (random) {
      for (let k = p - 1; k > 0; k--) {
        const j = Math.floor(random!.uniform() * (k + 1));
        const t = features[k];
        features[k] = features[j];
        features[j] = t;
      }
    }
    let best = -Infinity;
    let bestFeature = -1;
    let bestPos = 0;
    let bestThreshold = 0;
    let visited = 0;
    for (let k = 0; k < p && visited < growth.maxFeatures; k++) {
      const f = features[k];
      const list = lists[f];
      const base = f * n;
      if (x[base + list[end - 1]] <= x[base + list[start]] + FEATURE_THRESHOLD) continue; // constant here
      visited++;
      let wl = 0;
      let sl = 0;
      for (let q = start; q < end - 1; q++) {
        const r = list[q];
        wl += weight[r];
        sl += weight[r] * y[r];
        const x0 = x[base + r];
        const x1 = x[base + list[q + 1]];
        if (x1 <= x0 + FEATURE_THRESHOLD) continue;
        const nl = q - start + 1;
        if (nl < growth.minSamplesLeaf || count - nl < growth.minSamplesLeaf) continue;
        const wr = w - wl;
        const sr = s - sl;
        const proxy = (sl * sl) / wl + (sr * sr) / wr;
        if (proxy > best) {
          best = proxy;
          bestFeature = f;
          bestPos = nl;
          let t = x0 / 2 + x1 / 2;
          if (t === x1 || !Number.isFinite(t)) t = x0;
          bestThreshold = t;
        }
      }
    }
    if (bestFeature < 0) continue;
    tree.feature[id] = bestFeature;
    tree.threshold[id] = bestThreshold;
    const split = lists[bestFeature];
    for (let q = start; q < end; q++) goLeft[split[q]] = q - start < bestPos ? 1 : 0;
    for (let f = 0; f < p; f++) {
      if (f === bestFeature) continue;
      const list = lists[f];
      let l = start;
      let b = 0;
      for (let q = start; q < end; q++) {
        const r = list[q];
        if (goLeft[r]) list[l++] = r;
        else buffer[b++] = r;
      }
      for (let q = 0; q < b; q++) list[l + q] = buffer[q];
    }
    const mid = start + bestPos;
    stack.push({ start: mid, end, depth: depth + 1, parent: id, isLeft: false });
    stack.push({ start, end: mid, depth: depth + 1, parent: id, isLeft: true });
  }
  return tree;
}

/** The tree's prediction for one row (`row[f]` is feature f). */
export function predictTree(tree: RegressionTree, row: ArrayLike<number>): number {
  let node = 0;
  while (tree.feature[node] >= 0)
    node = row[tree.feature[node]] <= tree.threshold[node] ? tree.left[node] : tree.right[node];
  return tree.value[node];
}

/** The tree's prediction for row i of a column-major design of n rows. */
export function predictTreeColumns(tree: RegressionTree, x: Float64Array, n: number, i: number): number {
  let node = 0;
  while (tree.feature[node] >= 0)
    node = x[tree.feature[node] * n + i] <= tree.threshold[node] ? tree.left[node] : tree.right[node];
  return tree.value[node];
}
