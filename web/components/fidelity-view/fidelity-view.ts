/**
 * <pd-fidelity-view>: how a derivative plan carries its parent — the score and what it counts,
 * the findings an inspector should act on (each linking to its clause in the diff), and the
 * coverage matrix of the parent's clauses and targets across the child and related plans.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { FidelityReport } from '../../../src/compare/fidelity.js';
import type { Orientation } from '../../../src/compare/orient.js';
import { orientationSentence } from '../../../src/report/orientation-labels.js';
import { formatRoute } from '../../../src/view/route.js';
import { rt } from '../../../src/view/review-labels.js';
import type { DecisionView } from '../../../src/report/review-decisions.js';
import { columnCoverage, filterMatrixRows, type FindingView, type MatrixColumn, type MatrixRowView } from '../../../src/view/fidelity-view.js';
import { findingKindLabel, formatNumber, t, type Lang } from '../../../src/view/i18n.js';
import { chips, controls, tables } from '../../styles/shared.js';
import { clip } from '../../../src/text/clip.js';
import { draftOf, withDraft, type ReviewDraft, type ReviewDraftDetail } from '../review-mark/review-mark.js';


@customElement('pd-fidelity-view')
export class PdFidelityView extends LitElement {
  static override styles = [
    controls,
    chips,
    tables,
    css`
      :host {
        display: block;
      }
      .top {
        display: grid;
        grid-template-columns: 280px minmax(0, 1fr);
        gap: 16px;
        padding: 16px;
      }
      .score {
        padding: 16px;
        border: 1px solid var(--pd-border);
        border-radius: var(--pd-radius);
        background: linear-gradient(180deg, #f8fbff, #fff);
      }
      .big {
        font-size: 44px;
        font-weight: 700;
        line-height: 1;
        color: var(--pd-brand-2);
      }
      .big small {
        font-size: 16px;
        color: var(--pd-faint);
        font-weight: 400;
      }
      .meter {
        height: 8px;
        border-radius: 4px;
        background: #e6ebf1;
        margin: 10px 0 12px;
        overflow: hidden;
      }
      .meter span {
        display: block;
        height: 100%;
        background: linear-gradient(90deg, var(--pd-dropped), var(--pd-modified) 50%, var(--pd-added));
      }
      dl {
        display: grid;
        grid-template-columns: auto auto;
        gap: 4px 10px;
        margin: 0;
        font-size: 13px;
      }
      dt {
        color: var(--pd-muted);
      }
      dd {
        margin: 0;
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      h3 {
        margin: 0 0 8px;
        font-size: 13px;
        text-transform: uppercase;
        letter-spacing: 0.02em;
        color: var(--pd-muted);
      }
      .findings ol {
        list-style: none;
        margin: 0;
        padding: 0;
        max-height: 300px;
        overflow: auto;
        border: 1px solid var(--pd-border);
        border-radius: var(--pd-radius);
      }
      .findings li {
        padding: 8px 12px;
        border-bottom: 1px solid #edf0f4;
      }
      .findings li:last-child {
        border-bottom: none;
      }
      .finding-head {
        display: flex;
        gap: 6px;
        align-items: center;
        margin-bottom: 2px;
        font-weight: 600;
      }
      .links {
        display: flex;
        gap: 10px;
        flex-wrap: wrap;
        font-size: 12px;
        margin-top: 2px;
      }
      .links a {
        font-family: var(--pd-font-mono);
      }
      .matrix-bar {
        display: flex;
        flex-wrap: wrap;
        gap: 14px;
        align-items: center;
        padding: 10px 16px;
        border-top: 1px solid var(--pd-border);
        border-bottom: 1px solid var(--pd-border);
      }
      .matrix-bar h3 {
        margin: 0;
        flex: 1;
      }
      .scroll {
        overflow: auto;
        max-height: calc(100vh - 260px);
      }
      td.text {
        min-width: 340px;
        max-width: 620px;
      }
      td.id {
        font-family: var(--pd-font-mono);
        font-size: 12px;
        white-space: nowrap;
        color: var(--pd-muted);
      }
      th.plan {
        text-transform: none;
        letter-spacing: 0;
        font-weight: 600;
        min-width: 130px;
        max-width: 180px;
        white-space: normal;
        vertical-align: bottom;
      }
      th.plan .sc {
        display: block;
        color: var(--pd-brand-2);
        font-size: 13px;
      }
      th.plan .cov {
        display: block;
        font-weight: 400;
        font-size: 11px;
      }
      td.cell {
        text-align: center;
        padding: 4px;
      }
      td.cell a {
        display: block;
        border-radius: 4px;
        padding: 3px 6px;
        font-size: 12px;
        text-decoration: none;
      }
      td.cell a.copied {
        background: #e9f6ee;
        color: var(--pd-added);
      }
      td.cell a.modified {
        background: var(--pd-modified-bg);
        color: var(--pd-modified);
      }
      td.cell a.dropped {
        background: var(--pd-dropped-bg);
        color: var(--pd-dropped);
      }
      td.cell a.flag {
        box-shadow: inset 0 0 0 2px currentColor;
      }
      tr.skeleton td {
        color: var(--pd-faint);
      }
      .tag {
        font-size: 11px;
      }
      @media (max-width: 900px) {
        .top {
          grid-template-columns: 1fr;
        }
      }
      .pair {
        margin: 0 16px;
        padding: 8px 12px;
        border: 1px solid var(--pd-modified);
        border-radius: var(--pd-radius);
        background: var(--pd-modified-bg);
        font-size: 13px;
      }
      .pair ul {
        margin: 4px 0;
        padding-left: 18px;
      }
      .pair-actions,
      .downloads {
        display: flex;
        gap: 10px;
        flex-wrap: wrap;
        align-items: center;
      }
      .downloads {
        padding: 0 16px;
      }
      .matrix-bar .downloads {
        padding: 0;
      }
      @media print {
        .scroll,
        .findings ol {
          max-height: none;
          overflow: visible;
        }
        .matrix-bar label,
        .downloads,
        .pair-actions {
          display: none;
        }
        .top {
          display: block;
        }
        .score {
          margin-bottom: 12px;
        }
        table {
          width: 100%;
          table-layout: auto;
          font-size: 9pt;
        }
        td.text {
          min-width: 0;
          max-width: none;
        }
        th.plan {
          min-width: 0;
        }
        tr {
          break-inside: avoid;
        }
        thead {
          display: table-header-group;
        }
      }
    `,
  ];

  /** The chosen child's report (score, counts). */
  @property({ attribute: false }) report: FidelityReport | null = null;
  /** Plans of the matrix (the chosen child first). */
  @property({ attribute: false }) columns: MatrixColumn[] = [];
  /** Parent clauses and targets. */
  @property({ attribute: false }) rows: MatrixRowView[] = [];
  /** Findings of the chosen child, most severe first. */
  @property({ attribute: false }) findings: FindingView[] = [];
  /** Language of the labels. */
  @property() locale: Lang = 'vi';
  /** Parent and child files of the pair (for the swap link). */
  @property() parent: string | null = null;
  @property() child: string | null = null;
  /** How lineage and level would order the pair (`swapped`: the chosen child is the parent). */
  @property({ attribute: false }) suggested: Orientation | null = null;
  /** Review decisions by item id; null when they cannot be kept (no server, an upload). */
  @property({ attribute: false }) decisions: ReadonlyMap<string, DecisionView> | null = null;

  /** Drafts being edited, by finding id. */
  @state() private drafts: Record<string, ReviewDraft> = {};

  private handleDownload(format: 'docx' | 'xlsx', what: 'pair' | 'matrix' = 'pair'): void {
    this.dispatchEvent(new CustomEvent<{ format: 'docx' | 'xlsx' }>(what === 'matrix' ? 'pd-download-matrix' : 'pd-download', { detail: { format }, bubbles: true, composed: true }));
  }

  private renderPair() {
    const lang = this.locale;
    const o = this.report?.orientation;
    const warnings = (o?.warnings ?? []).filter((w) => w.code !== 'undecided');
    const swap = this.suggested?.swapped ?? false;
    const swapHref = this.parent && this.child ? formatRoute({ view: 'fidelity', a: this.child, b: this.parent }) : null;
    const peerHref = this.parent && this.child ? formatRoute({ view: 'diff', a: this.parent, b: this.child }) : null;
    return html`<div class="pair" data-testid="pair-warnings">
      ${swap ? html`<p data-testid="pair-swapped"><strong>${rt(lang, 'looksSwapped', { reason: rt(lang, `reason.${this.suggested!.reason ?? 'given'}`) })}</strong></p>` : nothing}
      ${warnings.length > 0
        ? html`<strong>${rt(lang, 'pairWarnings')}</strong>
            <ul>
              ${warnings.map((w) => html`<li data-testid="pair-warning" data-code=${w.code}>${orientationSentence(w, lang)}</li>`)}
            </ul>`
        : nothing}
      <div class="pair-actions">
        <span>${rt(lang, 'asParent')}</span>
        ${swapHref ? html`<a href=${swapHref} data-testid="swap-pair">${rt(lang, 'swap')}</a>` : nothing}
        ${peerHref ? html`<a href=${peerHref} data-testid="as-peer">${rt(lang, 'asPeer')}</a>` : nothing}
      </div>
    </div>`;
  }

  private renderReview(f: FindingView) {
    const d = this.decisions?.get(f.id) ?? null;
    return html`<pd-review-mark
      kind="finding"
      .itemId=${f.id}
      .itemText=${f.message}
      .subject=${f.label}
      .decision=${d}
      .editable=${this.decisions !== null}
      .draft=${draftOf(this.drafts, f.id, d)}
      .locale=${this.locale}
      @pd-review-draft=${(e: CustomEvent<ReviewDraftDetail>) => (this.drafts = withDraft(this.drafts, e.detail))}
    ></pd-review-mark>`;
  }

  @state() private skeleton = false;
  @state() private gapsOnly = false;

  private renderScore(r: FidelityReport) {
    const lang = this.locale;
    const pct = (x: number | null): string => (x === null ? '—' : `${formatNumber(lang, x * 100, 0)} %`);
    return html`<div class="score" data-testid="fidelity-score" data-score=${r.score.value}>
      <h3>${t(lang, 'score')}</h3>
      <div class="big">${formatNumber(lang, r.score.value, 1)}<small> / 100</small></div>
      <div class="meter"><span style="width:${Math.max(0, Math.min(100, r.score.value))}%"></span></div>
      <dl>
        <dt>${t(lang, 'clauseRow')}</dt>
        <dd>${pct(r.score.clauses)}</dd>
        <dt>${t(lang, 'targetRow')}</dt>
        <dd>${pct(r.score.targets)}</dd>
        ${r.score.penalties.map((p) => html`<dt>− ${findingKindLabel(lang, p.kind)} ×${p.count}</dt><dd>−${formatNumber(lang, p.points, 1)}</dd>`)}
      </dl>
    </div>`;
  }

  private renderFindings() {
    const lang = this.locale;
    return html`<div class="findings">
      <h3>${t(lang, 'findings')} (${this.findings.length})</h3>
      ${this.findings.length === 0
        ? html`<p class="muted">${t(lang, 'noFindings')}</p>`
        : html`<ol data-testid="findings">
            ${this.findings.map(
              (f) => html`<li data-testid="finding" data-kind=${f.kind}>
                <div class="finding-head"><span class="chip ${f.severity}">${f.severityLabel}</span>${f.label}</div>
                <div>${f.sentence}</div>
                <div class="links">
                  ${f.links.map((l) => html`<a href=${l.href} data-testid="finding-link">${t(lang, 'openClause', { side: l.side.toUpperCase(), id: l.id })}</a>`)}
                </div>
                ${this.renderReview(f)}
              </li>`,
            )}
          </ol>`}
    </div>`;
  }

  override render() {
    const lang = this.locale;
    const r = this.report;
    const rows = filterMatrixRows(this.rows, { skeleton: this.skeleton, changesOnly: this.gapsOnly });
    return html`
      ${r ? this.renderPair() : nothing}
      <div class="top">${r ? this.renderScore(r) : nothing} ${this.renderFindings()}</div>
      <div class="downloads">
        <button type="button" data-testid="download-docx" @click=${() => this.handleDownload('docx')}>${rt(lang, 'downloadDocx')}</button>
        <button type="button" data-testid="download-xlsx" @click=${() => this.handleDownload('xlsx')}>${rt(lang, 'downloadXlsx')}</button>
        ${this.decisions ? nothing : html`<span class="muted">${rt(lang, 'noStore')}</span>`}
      </div>
      <div class="matrix-bar">
        <h3>${t(lang, 'matrix')}</h3>
        <label class="check"><input type="checkbox" .checked=${this.gapsOnly} @change=${(e: Event) => (this.gapsOnly = (e.target as HTMLInputElement).checked)} />${t(lang, 'onlyGaps')}</label>
        <label class="check"><input type="checkbox" .checked=${this.skeleton} @change=${(e: Event) => (this.skeleton = (e.target as HTMLInputElement).checked)} />${t(lang, 'showSkeleton')}</label>
        <span class="downloads">
          <button type="button" data-testid="download-matrix-docx" @click=${() => this.handleDownload('docx', 'matrix')}>${rt(lang, 'downloadMatrixDocx')}</button>
          <button type="button" data-testid="download-matrix-xlsx" @click=${() => this.handleDownload('xlsx', 'matrix')}>${rt(lang, 'downloadMatrixXlsx')}</button>
        </span>
      </div>
      <div class="scroll">
        <table data-testid="fidelity-matrix">
          <thead>
            <tr>
              <th></th>
              <th>${t(lang, 'tcol.metric')} / ${t(lang, 'clauseRow')}</th>
              ${this.columns.map((c, k) => {
                const cov = columnCoverage(this.rows, k);
                return html`<th class="plan" title=${c.title}>
                  ${clip(c.issuer ?? c.title, 42)}
                  <span class="sc">${formatNumber(lang, c.score, 1)}</span>
                  <span class="cov muted">${t(lang, 'coverageLine', cov)}</span>
                </th>`;
              })}
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (row) => html`<tr class=${row.skeleton ? 'skeleton' : ''} data-testid="matrix-row">
                <td class="id">
                  ${row.id}
                  ${row.kind === 'target' ? html`<br /><span class="chip tag">${t(lang, 'targetRow')}</span>` : nothing}
                  ${row.skeleton ? html`<br /><span class="chip tag">${t(lang, 'skeletonTag')}</span>` : nothing}
                </td>
                <td class="text" title=${row.text}>${clip(row.text, 220)}</td>
                ${row.cells.map(
                  (c) => html`<td class="cell">
                    <a class="${c.status} ${c.flag ? 'flag' : ''}" href=${c.href} title=${c.flag ?? ''}>
                      ${t(lang, `coverage.${c.status}`)}${c.similarity !== null && c.status === 'modified' ? ` ${formatNumber(lang, c.similarity, 2)}` : ''}
                    </a>
                  </td>`,
                )}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pd-fidelity-view': PdFidelityView;
  }
}
