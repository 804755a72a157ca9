/**
 * Sorting of table rows by one column, shared by the corpus and target tables: numbers by value,
 * text in Vietnamese collation, empty cells last whatever the direction, ties kept in order.
 */

/** Ascending or descending. */
export type SortDirection = 'asc' | 'desc';

/** A sort order: the column key and its direction. */
export interface SortOrder<K extends string> {
  key: K;
  direction: SortDirection;
}

const COLLATOR = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (typeof v === 'number' && Number.isNaN(v));
}

/** Compares two cell values (numbers numerically, anything else as text); empty values sort last. */
export function compareCells(x: unknown, y: unknown): number {
  if (isEmpty(x) || isEmpty(y)) return isEmpty(x) === isEmpty(y) ? 0 : isEmpty(x) ? 1 : -1;
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  return COLLATOR.compare(String(x), String(y));
}

/** A sorted copy of `rows` by `value(row, key)`; stable; empty cells last in both directions. */
export function sortRows<R, K extends string>(rows: readonly R[], order: SortOrder<K>, value: (row: R, key: K) => unknown): R[] {
  const sign = order.direction === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, v: value(row, order.key) }))
    .sort((p, q) => {
      const pe = isEmpty(p.v);
      const qe = isEmpty(q.v);
      if (pe || qe) return pe === qe ? p.index - q.index : pe ? 1 : -1;
      return sign * compareCells(p.v, q.v) || p.index - q.index;
    })
    .map((x) => x.row);
}

/** The order after clicking a column header: the same column flips, another starts ascending. */
export function nextOrder<K extends string>(current: SortOrder<K> | null, key: K): SortOrder<K> {
  if (current && current.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: 'asc' };
}
