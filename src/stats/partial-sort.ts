/**
 * R's `psort` (the partial quicksort in R's `stl.f`, after Singleton 1969, CACM Algorithm 347):
 * rearranges a[1..n] so that the elements at the 1-based positions `ind` are meant to be the
 * order statistics there, with smaller values before and larger after.
 *
 * STL calls it for the median with `ind = (⌊n/2⌋ + 1, n − ⌊n/2⌋)`, which for even n is in
 * descending order — outside what the routine expects — so it does not always deliver the two middle
 * order statistics. R's robust STL weights depend on exactly what it leaves there, so it is ported
 * label for label (the Fortran labels appear as the cases below) instead of using a full sort.
 */
export function partialSort(a: Float64Array, n: number, ind: number[]): void {
  const ni = ind.length;
  if (n < 2 || ni === 0) return;
  const indu = new Int32Array(17);
  const indl = new Int32Array(17);
  const iu = new Int32Array(17);
  const il = new Int32Array(17);
  const at = (q: number) => ind[q - 1];
  let jl = 1;
  let ju = ni;
  indl[1] = 1;
  indu[1] = ni;
  let i = 1;
  let j = n;
  let m = 1;
  // Assigned in the partition step before any use, as in the Fortran.
  let k!: number;
  let l!: number;
  let p!: number;
  let t!: number;
  let label = 161;
  for (;;) {
    switch (label) {
      case 161:
        label = i < j ? 10 : 166;
        break;
      case 166:
        m--;
        if (m === 0) return;
        i = il[m];
        j = iu[m];
        jl = indl[m];
        ju = indu[m];
        label = jl <= ju ? 173 : 166;
        break;
      case 173:
        label = j - i > 10 ? 10 : 174;
        break;
      case 10: {
        k = i;
        const ij = Math.trunc((i + j) / 2);
        t = a[ij];
        if (a[i] > t) {
          a[ij] = a[i];
          a[i] = t;
          t = a[ij];
        }
        l = j;
        if (a[j] < t) {
          a[ij] = a[j];
          a[j] = t;
          t = a[ij];
          if (a[i] > t) {
            a[ij] = a[i];
            a[i] = t;
            t = a[ij];
          }
        }
        // 181: scan down for an element ≤ t, up for one ≥ t, and swap them until the scans cross.
        for (;;) {
          l--;
          if (a[l] <= t) {
            const tt = a[l];
            do k++;
            while (!(a[k] >= t));
            if (k > l) break;
            a[l] = a[k];
            a[k] = tt;
          }
        }
        // 183: push the larger part, continue with the smaller, keeping only wanted positions.
        indl[m] = jl;
        indu[m] = ju;
        p = m;
        m++;
        if (l - i <= j - k) {
          il[p] = k;
          iu[p] = j;
          j = l;
          for (;;) {
            if (jl > ju) break;
            if (at(ju) > j) ju--;
            else break;
          }
          if (jl > ju) {
            label = 166;
            break;
          }
          indl[p] = ju + 1;
        } else {
          il[p] = i;
          iu[p] = l;
          i = k;
          for (;;) {
            if (jl > ju) break;
            if (at(jl) < i) jl++;
            else break;
          }
          if (jl > ju) {
            label = 166;
            break;
          }
          indu[p] = jl - 1;
        }
        label = 173;
        break;
      }
      case 174:
        if (i !== 1) {
          // 209: straight insertion on the short segment; a[i − 1] is a sentinel.
          i--;
          for (;;) {
            i++;
            if (i === j) break;
            t = a[i + 1];
            if (a[i] > t) {
              k = i;
              do {
                a[k + 1] = a[k];
                k--;
              } while (!(t >= a[k]));
              a[k + 1] = t;
            }
          }
          label = 166;
        } else label = 161;
        break;
    }
  }
}
