/**
 * The assembly step of `buildInteractions`, also used by the splits: parallel arrays of (user index,
 * item index, value, time) → both compressed orientations, duplicates merged.
 */
import type { DuplicatePolicy, Interactions } from './interaction-types.ts';

/**
 * Builds `Interactions` from parallel arrays of user indices, item indices, values and times (the
 * rows need not be sorted). Indices must lie in range; used by the builder, the splits and the
 * synthetic shop. Duplicate pairs are merged by `duplicate`.
 */
export function fromTriplets(
  userIds: readonly string[],
  itemIds: readonly string[],
  u: Int32Array,
  i: Int32Array,
  v: Float64Array,
  t: Float64Array,
  duplicate: DuplicatePolicy = 'sum',
): Interactions {
  const nu = userIds.length;
  const ni = itemIds.length;
  const n = u.length;
  // Counting sort by user, then by item within the user (a stable two-pass radix sort), so merged
  // duplicates keep input order for 'last'.
  const byItem = stableOrder(i, ni, identityOrder(n));
  const order = stableOrder(u, nu, byItem);
  const userPtr = new Int32Array(nu + 1);
  const items: number[] = [];
  const values: number[] = [];
  const times: number[] = [];
  let prevU = -1;
  let prevI = -1;
  for (let k = 0; k < n; k++) {
    const r = order[k];
    if (u[r] === prevU && i[r] === prevI) {
      const last = values.length - 1;
      if (duplicate === 'sum') {
        values[last] += v[r];
        if (t[r] < times[last] || Number.isNaN(times[last])) times[last] = t[r];
      } else if (duplicate === 'last' || v[r] > values[last]) {
        values[last] = v[r];
        times[last] = t[r];
      }
      continue;
    }
    prevU = u[r];
    prevI = i[r];
    userPtr[u[r] + 1]++;
    items.push(i[r]);
    values.push(v[r]);
    times.push(t[r]);
  }
  for (let x = 0; x < nu; x++) userPtr[x + 1] += userPtr[x];
  const userItems = Int32Array.from(items);
  const userValues = Float64Array.from(values);
  // The CSC copy: scatter the CSR entries by item; walking users in order keeps each column sorted.
  const itemPtr = new Int32Array(ni + 1);
  for (const item of userItems) itemPtr[item + 1]++;
  for (let x = 0; x < ni; x++) itemPtr[x + 1] += itemPtr[x];
  const next = itemPtr.slice(0, ni);
  const itemUsers = new Int32Array(userItems.length);
  const itemValues = new Float64Array(userItems.length);
  for (let user = 0; user < nu; user++) {
    for (let k = userPtr[user]; k < userPtr[user + 1]; k++) {
      const p = next[userItems[k]]++;
      itemUsers[p] = user;
      itemValues[p] = userValues[k];
    }
  }
  return {
    userIds: [...userIds],
    itemIds: [...itemIds],
    userPtr,
    userItems,
    userValues,
    userTimes: Float64Array.from(times),
    itemPtr,
    itemUsers,
    itemValues,
  };
}

function identityOrder(n: number): Int32Array {
  const o = new Int32Array(n);
  for (let k = 0; k < n; k++) o[k] = k;
  return o;
}

/** Stable counting sort of the positions in `order` by `key[position]` ∈ [0, m). */
function stableOrder(key: Int32Array, m: number, order: Int32Array): Int32Array {
  const start = new Int32Array(m + 1);
  for (let k = 0; k < order.length; k++) start[key[order[k]] + 1]++;
  for (let x = 0; x < m; x++) start[x + 1] += start[x];
  const out = new Int32Array(order.length);
  for (let k = 0; k < order.length; k++) out[start[key[order[k]]]++] = order[k];
  return out;
}
