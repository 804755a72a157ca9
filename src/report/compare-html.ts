/**
 * One self-contained HTML file for a comparison: the two plans side by side with changes marked
 * (<del>/<ins>), a change list linking into it, the target changes; inline CSS and a few lines of
 * inline script, no external asset, printable.
 */
import { renderDiff } from '../compare/diff.js';
import type { Alignment, Comparison, TargetChange } from '../types.js';
import { clip } from '../text/clip.js';
import { documentName, escapeHtml, formatSimilarity, labels, type Lang } from './compare-labels.js';
import { MARKS } from './compare-text.js';

/** Options of the HTML renderer. */
export interface CompareHtmlOptions {
  /** Start with identical pairs hidden (a toggle in the page shows them). */
  changesOnly: boolean;
  /** Label language. */
  lang: Lang;
  /** Page title; defaults to the label plus the two document names. */
  title: string | null;
}

/** Defaults: everything shown, Vietnamese, title from the documents. */
export const COMPARE_HTML_DEFAULTS: Readonly<CompareHtmlOptions> = { changesOnly: false, lang: 'vi', title: null };

/** Styles shared by the comparison and fidelity pages (screen and print). */
export const REPORT_CSS = `
:root{--fg:#1d232a;--muted:#5f6b76;--line:#d6dce1;--bg:#fff;--soft:#f5f7f9;--del:#fde2e1;--del-fg:#8e1b14;--ins:#dcf5e3;--ins-fg:#0f5c2a;--mod:#fff6d6;--acc:#1f5fa8}
*{box-sizing:border-box}
body{margin:0;padding:1.5rem 2rem;font:15px/1.5 "Times New Roman",Times,serif;color:var(--fg);background:var(--bg)}
h1{font-size:1.5rem;margin:0 0 .5rem}h2{font-size:1.15rem;margin:1.75rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.25rem}
table{border-collapse:collapse;width:100%}th,td{border:1px solid var(--line);padding:.35rem .5rem;vertical-align:top;text-align:left}
th{background:var(--soft);font-weight:600}
.meta td:first-child{width:9rem;color:var(--muted)}
.counts{display:flex;gap:.75rem;flex-wrap:wrap;margin:.5rem 0}.counts span{padding:.15rem .6rem;border-radius:1rem;background:var(--soft);border:1px solid var(--line)}
.toolbar{display:flex;gap:1rem;align-items:center;margin:.75rem 0}.toolbar button{font:inherit;padding:.2rem .8rem;cursor:pointer}
del{background:var(--del);color:var(--del-fg);text-decoration:line-through}ins{background:var(--ins);color:var(--ins-fg);text-decoration:none}
.sbs td.mark{width:2.2rem;text-align:center;font-weight:700}.sbs td.side{width:calc(50% - 1.1rem)}
.sbs .id{display:inline-block;min-width:3.5rem;color:var(--muted);font-size:.85em;margin-right:.35rem}
.sbs .tags{display:block;color:var(--muted);font-size:.8em}
tr.modified td.mark{background:var(--mod)}tr.dropped td.mark,tr.dropped td.a{background:var(--del)}tr.added td.mark,tr.added td.b{background:var(--ins)}
tr.identical{color:#3c4650}
body.changes-only tr.identical,body.changes-only li.identical{display:none}
ol.changes{padding-left:1.5rem}ol.changes li{margin:.1rem 0}ol.changes a{color:var(--acc);text-decoration:none}
.sev-high{color:#a1170d;font-weight:700}.sev-medium{color:#8a5a00;font-weight:600}.sev-low{color:var(--muted)}
.score{font-size:2rem;font-weight:700}.muted{color:var(--muted)}
.st-copied{background:var(--ins)}.st-modified{background:var(--mod)}.st-dropped{background:var(--del)}
footer{margin-top:2rem;color:var(--muted);font-size:.85em}
@media print{body{padding:0;font-size:11pt}.toolbar{display:none}a{color:inherit;text-decoration:none}tr{break-inside:avoid}thead{display:table-header-group}h2{break-after:avoid}}
`;

/** The page toggle for "changes only" and the print button. */
export const REPORT_SCRIPT = `
document.getElementById('only')?.addEventListener('change',function(e){document.body.classList.toggle('changes-only',e.target.checked)});
document.getElementById('print')?.addEventListener('click',function(){window.print()});
`;

/** Wraps a body in a complete, self-contained page. */
export function page(title: string, lang: Lang, body: string, changesOnly = false): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body${changesOnly ? ' class="changes-only"' : ''}>
${body}
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}

function tagList(al: Alignment, lang: Lang): string {
  const L = labels(lang);
  const tags: string[] = [L[al.status]];
  if (al.status === 'modified' && al.similarity !== null) tags.push(formatSimilarity(al.similarity));
  if (al.group) tags.push(L[al.group]);
  if (al.moved) tags.push(L.moved);
  if (al.nature) tags.push(L[al.nature]);
  return escapeHtml(tags.join(' · '));
}

/** The HTML of one side of a pair: deletions on A's side, insertions on B's. */
export function sideHtml(al: Alignment, side: 'a' | 'b'): string {
  const clause = side === 'a' ? al.a : al.b;
  if (!clause) return '';
  const text = al.diff ? renderDiff(al.diff.filter(([op]) => (side === 'a' ? op <= 0 : op >= 0)), true) : escapeHtml(clause.text);
  return `<span class="id">${escapeHtml(clause.id)}</span>${text}`;
}

function targetRows(changes: readonly TargetChange[], lang: Lang): string {
  const L = labels(lang);
  const side = (t: TargetChange['a']): string =>
    t ? escapeHtml(`${t.comparator} ${t.value}${t.unit ?? ''}${t.horizon ? ` (${t.horizon})` : ''}`) : '';
  return changes
    .map((t) => {
      const cls = t.status === 'copied' ? 'identical' : t.status;
      const note = [t.change ? L[t.change] : '', t.verdict ? L[t.verdict] : ''].filter(Boolean).join(', ');
      return `<tr class="${cls}"><td>${escapeHtml(L[t.status])}</td><td>${escapeHtml((t.a ?? t.b)?.metric ?? '')}</td><td>${side(t.a)}</td><td>${side(t.b)}</td><td>${escapeHtml(note)}</td></tr>`;
    })
    .join('\n');
}

/** Renders a comparison as one self-contained HTML page. */
export function renderCompareHtml(cmp: Comparison, options: Partial<CompareHtmlOptions> = {}): string {
  const o: CompareHtmlOptions = { ...COMPARE_HTML_DEFAULTS, ...options };
  const L = labels(o.lang);
  const nameA = documentName(cmp.a);
  const nameB = documentName(cmp.b);
  const title = o.title ?? `${L.compareTitle}: ${nameA} ↔ ${nameB}`;
  const count = (s: Alignment['status']): number => cmp.alignments.filter((x) => x.status === s).length;
  const changes = cmp.alignments
    .map((al, i) => ({ al, i }))
    .filter(({ al }) => al.status !== 'identical');
  const body = `
<header>
<h1>${escapeHtml(L.compareTitle)}</h1>
<table class="meta">
<tr><td>${escapeHtml(L.planA)}</td><td><b>${escapeHtml(nameA)}</b>${cmp.a.title ? `<br>${escapeHtml(cmp.a.title)}` : ''}${cmp.a.file ? `<br><span class="muted">${escapeHtml(cmp.a.file)}</span>` : ''}</td></tr>
<tr><td>${escapeHtml(L.planB)}</td><td><b>${escapeHtml(nameB)}</b>${cmp.b.title ? `<br>${escapeHtml(cmp.b.title)}` : ''}${cmp.b.file ? `<br><span class="muted">${escapeHtml(cmp.b.file)}</span>` : ''}</td></tr>
</table>
<div class="counts"><span>${MARKS.identical} ${count('identical')} ${escapeHtml(L.identical)}</span><span>${MARKS.modified} ${count('modified')} ${escapeHtml(L.modified)}</span><span>${MARKS.dropped} ${count('dropped')} ${escapeHtml(L.dropped)}</span><span>${MARKS.added} ${count('added')} ${escapeHtml(L.added)}</span></div>
<div class="toolbar"><label><input type="checkbox" id="only"${o.changesOnly ? ' checked' : ''}> ${escapeHtml(L.showChangesOnly)}</label><button type="button" id="print">${escapeHtml(L.print)}</button></div>
</header>
<section>
<h2>${escapeHtml(L.changes)}</h2>
${
  changes.length === 0
    ? `<p>${escapeHtml(L.noChanges)}</p>`
    : `<ol class="changes">\n${changes
        .map(({ al, i }) => {
          const ids = al.a && al.b ? `${al.a.id} ↔ ${al.b.id}` : (al.a ?? al.b)!.id;
          return `<li class="${al.status}"><a href="#c${i}">${MARKS[al.status]} ${escapeHtml(ids)}</a> <span class="muted">${tagList(al, o.lang)}</span> — ${escapeHtml(clip((al.b ?? al.a)!.text, 110))}</li>`;
        })
        .join('\n')}\n</ol>`
}
</section>
<section>
<h2>${escapeHtml(L.sideBySide)}</h2>
<table class="sbs">
<thead><tr><th></th><th>A — ${escapeHtml(nameA)}</th><th>B — ${escapeHtml(nameB)}</th></tr></thead>
<tbody>
${cmp.alignments
  .map(
    (al, i) =>
      `<tr id="c${i}" class="${al.status}"><td class="mark" title="${tagList(al, o.lang)}">${MARKS[al.status]}</td><td class="side a">${sideHtml(al, 'a')}</td><td class="side b">${sideHtml(al, 'b')}${al.status !== 'identical' ? `<span class="tags">${tagList(al, o.lang)}</span>` : ''}</td></tr>`,
  )
  .join('\n')}
</tbody>
</table>
</section>
${
  cmp.targets.length > 0
    ? `<section>
<h2>${escapeHtml(L.targets)}</h2>
<table>
<thead><tr><th>${escapeHtml(L.status)}</th><th>${escapeHtml(L.targets)}</th><th>A</th><th>B</th><th></th></tr></thead>
<tbody>
${targetRows(cmp.targets, o.lang)}
</tbody>
</table>
</section>`
    : ''
}
<footer>${escapeHtml(L.generated)}</footer>`;
  return page(title, o.lang, body, o.changesOnly);
}
