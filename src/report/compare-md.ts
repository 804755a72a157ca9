/**
 * Markdown rendering of a comparison: a summary, one table row per clause pair with the word diff
 * as <del>/<ins> (GitHub-flavoured Markdown keeps them), and the target changes.
 */
import { renderDiff } from '../compare/diff.js';
import type { Alignment, Comparison } from '../types.js';
import { documentName, escapeHtml, formatSimilarity, labels, type Lang } from './compare-labels.js';
import { MARKS } from './compare-text.js';

/** Options of the Markdown renderer. */
export interface CompareMdOptions {
  /** Leave identical pairs out. */
  changesOnly: boolean;
  /** Label language. */
  lang: Lang;
}

/** Defaults: everything shown, Vietnamese. */
export const COMPARE_MD_DEFAULTS: Readonly<CompareMdOptions> = { changesOnly: false, lang: 'vi' };

/** Text for a Markdown table cell: HTML-escaped, pipes escaped, one line. */
function cell(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
}

function tags(al: Alignment, lang: Lang): string {
  const L = labels(lang);
  const out: string[] = [L[al.status]];
  if (al.group) out.push(L[al.group]);
  if (al.moved) out.push(L.moved);
  if (al.nature) out.push(L[al.nature]);
  return out.join(', ');
}

/** Renders a comparison as Markdown. */
export function renderCompareMd(cmp: Comparison, options: Partial<CompareMdOptions> = {}): string {
  const o: CompareMdOptions = { ...COMPARE_MD_DEFAULTS, ...options };
  const L = labels(o.lang);
  const count = (s: Alignment['status']): number => cmp.alignments.filter((x) => x.status === s).length;
  const lines: string[] = [
    `# ${L.compareTitle}`,
    '',
    `- **${L.planA}**: ${cell(escapeHtml(documentName(cmp.a)))}${cmp.a.title ? ` — ${cell(escapeHtml(cmp.a.title))}` : ''}`,
    `- **${L.planB}**: ${cell(escapeHtml(documentName(cmp.b)))}${cmp.b.title ? ` — ${cell(escapeHtml(cmp.b.title))}` : ''}`,
    '',
    `## ${L.summary}`,
    '',
    `| ${L.identical} | ${L.modified} | ${L.dropped} | ${L.added} |`,
    '|---:|---:|---:|---:|',
    `| ${count('identical')} | ${count('modified')} | ${count('dropped')} | ${count('added')} |`,
    '',
    `## ${L.clauses}`,
    '',
  ];
  const shown = cmp.alignments.filter((al) => !o.changesOnly || al.status !== 'identical');
  if (shown.length === 0) lines.push(L.noChanges, '');
  else {
    lines.push(`| | A | B | ${L.status} | ${L.similarity} |`, '|---|---|---|---|---:|');
    for (const al of shown) {
      const a = al.a ? `**${cell(escapeHtml(al.a.id))}** ` : '';
      const b = al.b ? `**${cell(escapeHtml(al.b.id))}** ` : '';
      let left = al.a ? cell(escapeHtml(al.a.text)) : '';
      let right = al.b ? cell(escapeHtml(al.b.text)) : '';
      if (al.diff) {
        left = cell(renderDiff(al.diff.filter(([op]) => op <= 0), true));
        right = cell(renderDiff(al.diff.filter(([op]) => op >= 0), true));
      }
      const sim = al.status === 'modified' ? formatSimilarity(al.similarity) : '';
      lines.push(`| ${MARKS[al.status]} | ${a}${left} | ${b}${right} | ${tags(al, o.lang)} | ${sim} |`);
    }
    lines.push('');
  }
  const targets = cmp.targets.filter((t) => !o.changesOnly || t.status !== 'copied');
  if (targets.length > 0) {
    lines.push(`## ${L.targets}`, '', `| ${L.status} | ${L.targets} | A | B | |`, '|---|---|---|---|---|');
    for (const t of targets) {
      const metric = cell(escapeHtml((t.a ?? t.b)?.metric ?? ''));
      const side = (x: typeof t.a): string => (x ? cell(escapeHtml(`${x.comparator} ${x.value}${x.unit ?? ''}${x.horizon ? ` (${x.horizon})` : ''}`)) : '');
      const note = [t.change ? L[t.change] : '', t.verdict ? `**${L[t.verdict]}**` : ''].filter(Boolean).join(', ');
      lines.push(`| ${L[t.status]} | ${metric} | ${side(t.a)} | ${side(t.b)} | ${note} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
