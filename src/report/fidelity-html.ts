/**
 * Self-contained HTML pages for a fidelity report and for the folder matrix (inline CSS/JS,
 * printable, usable offline).
 */
import { orientationNote, orientationSentence } from './orientation-labels.js';
import type { ClauseCoverage, CoverageStatus, FidelityMatrix, FidelityReport, Finding, TargetCoverage } from '../compare/fidelity.js';
import type { AlignedClause } from '../types.js';
import { clip } from '../text/clip.js';
import { documentName, escapeHtml, findingLabel, findingSentence, formatSimilarity, labels, severityLabel, type Lang } from './compare-labels.js';
import { page } from './compare-html.js';

/** Options of the fidelity HTML renderers. */
export interface FidelityHtmlOptions {
  /** Label language. */
  lang: Lang;
  /** Start with copied clauses hidden (a toggle shows them). */
  changesOnly: boolean;
}

/** Defaults: Vietnamese, everything shown. */
export const FIDELITY_HTML_DEFAULTS: Readonly<FidelityHtmlOptions> = { lang: 'vi', changesOnly: false };

const SEVERITY_ORDER = { high: 0, medium: 1, low: 2 } as const;

function pct(x: number | null, none: string): string {
  return x === null ? none : `${(x * 100).toFixed(1)}%`;
}

/** The pair's orientation (swapped, warnings) as a list; empty when there is nothing to say. */
function pairWarningsHtml(report: FidelityReport, lang: 'vi' | 'en'): string {
  const o = report.orientation;
  if (!o) return '';
  const note = orientationNote(o, lang);
  const lines = [...(note ? [note] : []), ...o.warnings.map((w) => orientationSentence(w, lang))];
  return lines.length ? `<ul class="pair-warnings">${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>` : '';
}

/** Renders one fidelity report as a self-contained HTML page: header, score, findings, clause coverage, targets, additions. */
export function renderFidelityHtml(report: FidelityReport, options: Partial<FidelityHtmlOptions> = {}): string {
  const o: FidelityHtmlOptions = { ...FIDELITY_HTML_DEFAULTS, ...options };
  const L = labels(o.lang);
  const findings = [...report.findings].sort((x, y) => SEVERITY_ORDER[x.severity] - SEVERITY_ORDER[y.severity]);
  const sections = [
    headerHtml(report, o, L),
    scoreHtml(report.score, o.lang, L),
    findingsHtml(findings, o.lang, L),
    coverageHtml(report.clauses, L),
    report.targets.length > 0 ? targetsHtml(report.targets, L) : '',
    additionsHtml(report.additions.clauses, L),
    `<footer>${escapeHtml(L.generated)}</footer>`,
  ];
  return page(`${L.fidelityTitle}: ${documentName(report.child)}`, o.lang, `\n${sections.join('\n')}`, o.changesOnly);
}

type Labels = ReturnType<typeof labels>;

/** The status names of a covered clause or target. */
function coverageStatusLabels(L: Labels): Record<CoverageStatus, string> {
  return { copied: L.copied, modified: L.modified, dropped: L.dropped };
}

/** The two plans, what the pair's orientation warns about, and the toolbar. */
function headerHtml(report: FidelityReport, o: FidelityHtmlOptions, L: Labels): string {
  return `<header>
<h1>${escapeHtml(L.fidelityTitle)}</h1>
<table class="meta">
<tr><td>${escapeHtml(L.child)}</td><td><b>${escapeHtml(documentName(report.child))}</b>${report.child.title ? `<br>${escapeHtml(report.child.title)}` : ''}</td></tr>
<tr><td>${escapeHtml(L.parent)}</td><td><b>${escapeHtml(documentName(report.parent))}</b>${report.parent.title ? `<br>${escapeHtml(report.parent.title)}` : ''}</td></tr>
</table>
${pairWarningsHtml(report, o.lang)}
<div class="toolbar"><label><input type="checkbox" id="only"${o.changesOnly ? ' checked' : ''}> ${escapeHtml(L.showChangesOnly)}</label><button type="button" id="print">${escapeHtml(L.print)}</button></div>
</header>`;
}

/** The score, its clause and target parts, and the penalties. */
function scoreHtml(s: FidelityReport['score'], lang: Lang, L: Labels): string {
  return `<section>
<h2>${escapeHtml(L.score)}</h2>
<p class="score">${s.value.toFixed(1)}<span class="muted">/100</span></p>
<table class="meta">
<tr><td>${escapeHtml(L.scoreClauses)}</td><td>${pct(s.clauses, L.none)} <span class="muted">(${escapeHtml(L.counted)}: ${s.counted.clauses}; ${escapeHtml(L.skeleton)}: ${s.counted.skeleton}; ${escapeHtml(L.notApplicable)}: ${s.counted.notApplicable})</span></td></tr>
<tr><td>${escapeHtml(L.scoreTargets)}</td><td>${pct(s.targets, L.none)} <span class="muted">(${escapeHtml(L.counted)}: ${s.counted.targets})</span></td></tr>
${s.penalties.map((p) => `<tr><td>${escapeHtml(L.penalties)}</td><td>−${p.points} (${escapeHtml(findingLabel(p.kind, lang))} × ${p.count})</td></tr>`).join('\n')}
</table>
</section>`;
}

/** The findings, most severe first, each with its evidence. */
function findingsHtml(findings: readonly Finding[], lang: Lang, L: Labels): string {
  return `<section>
<h2>${escapeHtml(L.findings)} (${findings.length})</h2>
${
  findings.length === 0
    ? `<p>${escapeHtml(L.noFindings)}</p>`
    : `<table><tbody>\n${findings
        .map(
          (f) =>
            `<tr><td class="sev-${f.severity}">${escapeHtml(severityLabel(f.severity, lang))}</td><td>${escapeHtml(findingLabel(f.kind, lang))}</td><td>${escapeHtml(findingSentence(f, lang))}${f.evidence
              .map((e) => `<br><span class="muted">${escapeHtml(e.side === 'child' ? L.child : L.parent)} · ${escapeHtml(e.id)}${e.span ? ` [${e.span[0]}–${e.span[1]}]` : ''}: ${escapeHtml(clip(e.text, 160))}</span>`)
              .join('')}</td></tr>`,
        )
        .join('\n')}\n</tbody></table>`
}
</section>`;
}

/** Each parent clause beside the child clauses that carry it, marked copied, modified or dropped. */
function coverageHtml(clauses: readonly ClauseCoverage[], L: Labels): string {
  const statusLabel = coverageStatusLabels(L);
  return `<section>
<h2>${escapeHtml(L.coverage)}</h2>
<table class="sbs">
<thead><tr><th></th><th>${escapeHtml(L.parent)}</th><th>${escapeHtml(L.child)}</th></tr></thead>
<tbody>
${clauses
  .map((c) => {
    const cls = c.status === 'copied' || c.skeleton || !c.applies ? 'identical' : c.status === 'dropped' ? 'dropped' : 'modified';
    const tags = [statusLabel[c.status], c.similarity !== null && c.status === 'modified' ? formatSimilarity(c.similarity) : '', c.nature ? L[c.nature] : '', c.skeleton ? L.skeleton : !c.applies ? L.notApplicable : '']
      .filter(Boolean)
      .join(' · ');
    return `<tr class="${cls}"><td class="mark st-${c.status}" title="${escapeHtml(tags)}">${c.status === 'copied' ? '=' : c.status === 'modified' ? '~' : '-'}</td><td class="side a"><span class="id">${escapeHtml(c.parent.id)}</span>${escapeHtml(c.parent.text)}</td><td class="side b">${c.child.map((x) => `<span class="id">${escapeHtml(x.id)}</span>`).join(' ')}<span class="tags">${escapeHtml(tags)}</span></td></tr>`;
  })
  .join('\n')}
</tbody>
</table>
</section>`;
}

/** Each parent target with its status and what became of it. */
function targetsHtml(targets: readonly TargetCoverage[], L: Labels): string {
  const statusLabel = coverageStatusLabels(L);
  return `<section>
<h2>${escapeHtml(L.targets)}</h2>
<table><thead><tr><th>${escapeHtml(L.status)}</th><th>${escapeHtml(L.targets)}</th><th></th></tr></thead><tbody>
${targets
  .map(
    (t) =>
      `<tr class="${t.status === 'copied' ? 'identical' : t.status}"><td class="st-${t.status}">${escapeHtml(statusLabel[t.status])}</td><td>${escapeHtml(t.change.a?.metric ?? '')}</td><td>${escapeHtml(t.change.summary)}${t.change.verdict ? ` <b>${escapeHtml(L[t.change.verdict])}</b>` : ''}${t.applies ? '' : ` <span class="muted">(${escapeHtml(L.notApplicable)})</span>`}</td></tr>`,
  )
  .join('\n')}
</tbody></table>
</section>`;
}

/** The clauses the child adds. */
function additionsHtml(added: readonly AlignedClause[], L: Labels): string {
  return `<section>
<h2>${escapeHtml(L.additions)} (${added.length})</h2>
<table><tbody>
${added.map((a) => `<tr class="added"><td class="mark">+</td><td class="side b"><span class="id">${escapeHtml(a.id)}</span>${escapeHtml(a.text)}</td></tr>`).join('\n')}
</tbody></table>
</section>`;
}

/** Renders the folder matrix as a self-contained HTML page. */
export function renderFidelityMatrixHtml(matrix: FidelityMatrix, options: Partial<FidelityHtmlOptions> = {}): string {
  const o: FidelityHtmlOptions = { ...FIDELITY_HTML_DEFAULTS, ...options };
  const L = labels(o.lang);
  const mark = { copied: '=', modified: '~', dropped: '-' } as const;
  const body = `
<header>
<h1>${escapeHtml(L.matrixTitle)}</h1>
<p>${escapeHtml(L.parent)}: <b>${escapeHtml(documentName(matrix.parent))}</b>${matrix.parent.title ? ` — ${escapeHtml(matrix.parent.title)}` : ''}</p>
<div class="toolbar"><label><input type="checkbox" id="only"${o.changesOnly ? ' checked' : ''}> ${escapeHtml(L.showChangesOnly)}</label><button type="button" id="print">${escapeHtml(L.print)}</button></div>
</header>
<table>
<thead>
<tr><th>ID</th><th>${escapeHtml(L.clauses)} / ${escapeHtml(L.targets)}</th>${matrix.plans.map((p, i) => `<th title="${escapeHtml(p.file ?? p.title ?? '')}">[${i + 1}]<br>${p.score.toFixed(1)}</th>`).join('')}</tr>
</thead>
<tbody>
${matrix.rows
  .map((r) => {
    const cls = r.skeleton || r.cells.every((c) => c.status === 'copied') ? 'identical' : 'modified';
    const cells = r.cells
      .map((c) => {
        const title = [L[c.status], formatSimilarity(c.similarity), c.childIds.join(', '), c.flag ? L[c.flag] : ''].filter(Boolean).join(' · ');
        return `<td class="st-${c.status}" title="${escapeHtml(title)}">${c.flag === 'weakened' ? '!' : mark[c.status]}</td>`;
      })
      .join('');
    return `<tr class="${cls}"><td>${escapeHtml(r.kind === 'target' ? `◎ ${r.id}` : r.id)}</td><td>${escapeHtml(clip(r.text, 140))}${r.skeleton ? ` <span class="muted">(${escapeHtml(L.skeleton)})</span>` : ''}</td>${cells}</tr>`;
  })
  .join('\n')}
</tbody>
</table>
<ol>
${matrix.plans.map((p) => `<li>${escapeHtml(p.file ?? p.title ?? '?')} — ${escapeHtml(p.issuer ?? '')} — ${escapeHtml(L.score)} ${p.score.toFixed(1)}</li>`).join('\n')}
</ol>
<footer>${escapeHtml(L.generated)}</footer>`;
  return page(L.matrixTitle, o.lang, body, o.changesOnly);
}
