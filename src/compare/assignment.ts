/**
 * Optimal one-to-one assignment (the Hungarian method with potentials, O(n²·m)), shared by clause
 * alignment and target comparison so both make a global choice rather than a greedy one.
 */

/**
 * Minimum-cost assignment for an n×m cost matrix with n ≤ m; returns for each row the chosen
 * column (-1 only when the matrix is empty).
 */
export function minCostAssignment(cost: number[][]): number[] {
  const n = cost.length;
  const m = n > 0 ? cost[0]!.length : 0;
  if (n === 0) return [];
  const INF = Number.POSITIVE_INFINITY;
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const p = new Int32Array(m + 1); // p[j]: row assigned to column j (1-based), 0 = none
  const way = new Int32Array(m + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(m + 1).fill(INF);
    const used = new Uint8Array(m + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      let delta = INF;
      let j1 = 0;
      const row = cost[i0 - 1]!;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = row[j - 1]! - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          const r = p[j]!;
          u[r] = u[r]! + delta;
          v[j] = v[j]! - delta;
        } else minv[j] = minv[j]! - delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const result = new Array<number>(n).fill(-1);
  for (let j = 1; j <= m; j++) if (p[j]! > 0) result[p[j]! - 1] = j - 1;
  return result;
}

/** Maximum-weight assignment for an n×m weight matrix with n ≤ m (zero-weight choices mean "unassigned"). */
export function maxWeightAssignment(weights: number[][]): number[] {
  return minCostAssignment(weights.map((row) => row.map((w) => -w)));
}
