/**
 * View model of the corpus table: one row per plan (title, issuer, level, year, type, number),
 * a search that ignores case and diacritics, filters by level, year and type, and the facets
 * that fill the filter menus.
 */
import { planNodeId } from '../corpus/lineage.js';
import { stripDiacritics } from '../text/vietnamese.js';
import type { DocumentMeta } from '../types.js';
import type { PlanError, PlanSource, PlanSummary } from './workspace.js';
import { sortRows, type SortOrder } from './table-sort.js';

/**
 * A summary of a plan not (yet) read: no meta, no counts; `error` set when reading failed. Here and
 * not in workspace.ts so that the page, which needs it before the worker answers, does not pull the
 * whole analysis core into its own chunk.
 */
export function emptySummary(file: string, source: PlanSource, size: number, error: PlanError | null = null): PlanSummary {
  return { file, source, size, format: null, meta: null, clauses: 0, targets: 0, citations: 0, warnings: [], error, ms: 0 };
}

/** Administrative level as shown (district plans sit with departments in the lineage bands). */
export type Level = NonNullable<DocumentMeta['level']>;

/** One row of the corpus table. */
export interface CorpusRow {
  /** Identity of the plan (relative path or "upload:<name>"). */
  file: string;
  /** File name without its folder. */
  name: string;
  /** Folder of the file inside the corpus ("khanh-hoa"); "" at the top or for uploads. */
  folder: string;
  /** Corpus plan or upload. */
  source: PlanSource;
  /** The plan's title, or its file name when it has none. */
  title: string;
  /** True when the title is the file name (the plan's own title was not found). */
  untitled: boolean;
  /** Issuing body. */
  issuer: string | null;
  /** Administrative level of the issuer. */
  level: Level | null;
  /** Issue year. */
  year: number | null;
  /** Type word (Kế hoạch, Quyết định, …). */
  type: string | null;
  /** Number and symbol as printed ("344/QĐ-UBND", "…/KH-SCT" when the number is blank); null without a symbol. */
  ident: string | null;
  /** ISO date, possibly partial. */
  date: string | null;
  /** Counts of clauses, targets and cited documents. */
  clauses: number;
  targets: number;
  citations: number;
  /** Number of reading warnings. */
  warnings: number;
  /** Why the file could not be read; null when it was. */
  error: PlanError | null;
  /** Id of the plan's node in the lineage graph; null for uploads and unreadable files. */
  node: string | null;
  /** Folded text the search runs over (title, issuer, file, number). */
  haystack: string;
}

/** The filters of the corpus table; null or "" means "any". */
export interface CorpusFilter {
  /** Words to find, case and diacritics ignored ("cai cach" finds "cải cách"). */
  query: string;
  level: Level | null;
  year: number | null;
  type: string | null;
}

/** No filter. */
export const NO_FILTER: Readonly<CorpusFilter> = { query: '', level: null, year: null, type: null };

/** The base name of a plan file ("khanh-hoa/2024-so-gddt.txt" → "2024-so-gddt.txt"; "upload:x.docx" → "x.docx"). */
export function baseName(file: string): string {
  const s = file.startsWith('upload:') ? file.slice('upload:'.length) : file;
  return s.slice(s.lastIndexOf('/') + 1);
}

/** Lower case, no diacritics, single spaces: the form search compares. */
export function searchForm(s: string): string {
  return stripDiacritics(s.normalize('NFC')).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** "344/QĐ-UBND", "…/KH-SCT" (blank number), null without a symbol. */
export function identOf(meta: Pick<DocumentMeta, 'number' | 'symbol'>): string | null {
  if (!meta.symbol) return null;
  return `${meta.number ?? '…'}/${meta.symbol}`;
}

/** One row per plan, in the order given. */
export function corpusRows(summaries: readonly PlanSummary[]): CorpusRow[] {
  return summaries.map((s) => {
    const m = s.meta;
    const name = baseName(s.file);
    const slash = s.source === 'corpus' ? s.file.lastIndexOf('/') : -1;
    const title = m?.title?.trim() || name;
    const ident = m ? identOf(m) : null;
    return {
      file: s.file,
      name,
      folder: slash > 0 ? s.file.slice(0, slash) : '',
      source: s.source,
      title,
      untitled: !m?.title?.trim(),
      issuer: m?.issuer ?? null,
      level: m?.level ?? null,
      year: m?.year ?? null,
      type: m?.type ?? null,
      ident,
      date: m?.date ?? null,
      clauses: s.clauses,
      targets: s.targets,
      citations: s.citations,
      warnings: s.warnings.length,
      error: s.error,
      node: m && s.source === 'corpus' ? planNodeId(s.file, m) : null,
      haystack: searchForm([title, m?.issuer ?? '', s.file, ident ?? '', m?.type ?? ''].join(' ')),
    };
  });
}

/** The rows that pass the filter: every word of the query found, and each set facet equal. */
export function filterCorpus(rows: readonly CorpusRow[], filter: Partial<CorpusFilter>): CorpusRow[] {
  const words = searchForm(filter.query ?? '').split(' ').filter(Boolean);
  return rows.filter(
    (r) =>
      words.every((w) => r.haystack.includes(w)) &&
      (!filter.level || r.level === filter.level) &&
      (filter.year === null || filter.year === undefined || r.year === filter.year) &&
      (!filter.type || r.type === filter.type),
  );
}

/** The values present in the rows, for the filter menus: levels in hierarchy order, years newest first, types by name. */
export function corpusFacets(rows: readonly CorpusRow[]): { levels: Level[]; years: number[]; types: string[] } {
  const order: Level[] = ['national', 'province', 'department', 'district'];
  const levels = order.filter((l) => rows.some((r) => r.level === l));
  const years = [...new Set(rows.map((r) => r.year).filter((y): y is number => y !== null))].sort((a, b) => b - a);
  const types = [...new Set(rows.map((r) => r.type).filter((t): t is string => !!t))].sort((a, b) => a.localeCompare(b, 'vi'));
  return { levels, years, types };
}

/** Columns the corpus table sorts by. */
export type CorpusColumn = 'title' | 'issuer' | 'level' | 'year' | 'type' | 'ident' | 'targets';

const LEVEL_RANK: Record<Level, number> = { national: 0, province: 1, department: 2, district: 3 };

/** Rows sorted by a column (levels in hierarchy order). */
export function sortCorpus(rows: readonly CorpusRow[], order: SortOrder<CorpusColumn>): CorpusRow[] {
  return sortRows(rows, order, (r, key) => (key === 'level' ? (r.level ? LEVEL_RANK[r.level] : null) : r[key]));
}
