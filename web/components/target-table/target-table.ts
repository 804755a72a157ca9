/**
 * <pd-target-table>: the target comparison of two plans — old → new value, raised / lowered /
 * weakened / strengthened markers, dropped and added targets — sortable by column, with links to
 * each target's clause in the diff and a CSV export (asked of the controller, `pd-export-csv`).
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatNumber, markerLabel, statusText, t, type Lang, type MessageKey } from '../../../src/view/i18n.js';
import { formatRoute } from '../../../src/view/route.js';
import { nextOrder, type SortOrder } from '../../../src/view/table-sort.js';
import { sortTargetRows, targetCounts, type TargetColumn, type TargetRow } from '../../../src/view/target-rows.js';
import { chips, controls, tables } from '../../styles/shared.js';
import { emit } from '../events.js';
import type { DecisionView } from '../../../src/report/review-decisions.js';
import { rt } from '../../../src/view/review-labels.js';
import { draftOf, withDraft, type ReviewDraft, type ReviewDraftDetail } from '../review-mark/review-mark.js';

@customElement('pd-target-table')
export class PdTargetTable extends LitElement {
  static override styles = [
    controls,
    chips,
    tables,
    css`
      :host {
        display: block;
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        gap: 10px;
        align-items: center;
        padding: 10px 14px;
        border-bottom: 1px solid var(--pd-border);
      }
      .summary {
        color: var(--pd-muted);
        font-size: 13px;
        flex: 1;
      }
      .scroll {
        overflow: auto;
        max-height: calc(100vh - 270px);
      }
      td.metric {
        min-width: 320px;
        max-width: 560px;
      }
      .was {
        display: block;
        font-size: 12px;
        color: var(--pd-muted);
        margin-top: 2px;
      }
      .value {
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
        font-weight: 600;
      }
      .value.none {
        color: var(--pd-faint);
        font-weight: 400;
      }
      .arrow {
        color: var(--pd-faint);
        padding: 0 2px;
      }
      .markers {
        display: flex;
        flex-wrap: wrap;
        gap: 4px;
      }
      .delta.up {
        color: var(--pd-added);
      }
      .delta.down {
        color: var(--pd-dropped);
      }
      tr.s-copied td {
        color: #4a5664;
      }
      tr.s-dropped td.metric {
        text-decoration: line-through;
        text-decoration-color: rgba(197, 48, 48, 0.5);
      }
      .links a {
        font-family: var(--pd-font-mono);
        font-size: 12px;
        white-space: nowrap;
        display: block;
      }
      .also {
        font-size: 12px;
        color: var(--pd-muted);
      }
      .none-msg {
        padding: 28px;
        text-align: center;
        color: var(--pd-muted);
      }
      td.rev {
        min-width: 180px;
        font-size: 12px;
      }
      @media print {
        .bar button,
        .bar label {
          display: none;
        }
        td.rev {
          min-width: 0;
        }
        .scroll {
          max-height: none;
          overflow: visible;
        }
        /* every column on an A4 page: no minimum widths, wrapping values and headings, smaller
           type, the target's wording the widest column */
        table {
          width: 100%;
          table-layout: auto;
          font-size: 8.5pt;
        }
        th,
        td {
          padding: 4px 4px;
        }
        th {
          position: static;
          white-space: normal;
        }
        td.metric {
          min-width: 0;
          max-width: none;
          width: 34%;
        }
        .value,
        .chip {
          white-space: normal;
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

  /** One row per target change (from `targetRows`). */
  @property({ attribute: false }) rows: TargetRow[] = [];
  /** Plan A's file (for links into the diff). */
  @property() a: string | null = null;
  /** Plan B's file. */
  @property() b: string | null = null;
  /** Language of the labels. */
  @property() locale: Lang = 'vi';
  /** Review decisions of the pair by review id; null when they cannot be kept (no server, an upload). */
  @property({ attribute: false }) decisions: ReadonlyMap<string, DecisionView> | null = null;

  /** The relation asked for: auto (inferred), parent (B derives from A), peer. */
  @property() relation: 'auto' | 'parent' | 'peer' = 'auto';
  /** The relation the comparison was judged with ('parent': lower asks in B are "weakened"). */
  @property() judged: 'parent' | 'peer' | null = null;

  /** Drafts being edited, by review id. */
  @state() private drafts: Record<string, ReviewDraft> = {};

  private renderReview(r: TargetRow) {
    const d = this.decisions?.get(r.reviewId) ?? null;
    return html`<pd-review-mark
      scope="target-"
      kind="target"
      .itemId=${r.reviewId}
      .itemText=${r.reviewText}
      .subject=${r.metric}
      .decision=${d}
      .editable=${this.decisions !== null}
      .draft=${draftOf(this.drafts, r.reviewId, d)}
      .locale=${this.locale}
      @pd-review-draft=${(e: CustomEvent<ReviewDraftDetail>) => (this.drafts = withDraft(this.drafts, e.detail))}
    ></pd-review-mark>`;
  }

  @state() private order: SortOrder<TargetColumn> | null = null;
  @state() private changesOnly = false;

  private sortHeader(key: TargetColumn, label: MessageKey, cls = '') {
    const active = this.order?.key === key;
    return html`<th class=${cls} aria-sort=${active ? (this.order?.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button class="sort" data-testid="sort-${key}" @click=${() => (this.order = nextOrder(this.order, key))}>
        ${t(this.locale, label)} <span aria-hidden="true">${active ? (this.order?.direction === 'asc' ? '▲' : '▼') : ''}</span>
      </button>
    </th>`;
  }

  private clauseLink(side: 'a' | 'b', id: string | null) {
    if (!id || !this.a || !this.b) return nothing;
    return html`<a href=${formatRoute({ view: 'diff', a: this.a, b: this.b, clause: { side, id } })}>${side.toUpperCase()} ${id}</a>`;
  }

  private renderRow(r: TargetRow) {
    const lang = this.locale;
    const delta =
      r.delta === null || r.delta === 0
        ? nothing
        : html`<span class="delta ${r.delta > 0 ? 'up' : 'down'}">${r.delta > 0 ? '+' : '−'}${formatNumber(lang, Math.abs(r.delta), Number.isInteger(r.delta) ? 0 : 1)}${r.unit === '%' ? ' %' : ''}</span>`;
    const horizon =
      r.horizonBefore === r.horizonAfter ? (r.horizonAfter ?? '—') : `${r.horizonBefore ?? '—'} → ${r.horizonAfter ?? '—'}`;
    return html`<tr class="s-${r.status}" data-testid="target-row" data-status=${r.status} data-markers=${r.markers.join(' ')}>
      <td><span class="chip ${r.status}">${statusText(lang, r.status)}</span></td>
      <td class="metric">
        <span data-testid="target-metric">${r.metric}</span>
        ${r.metricBefore ? html`<span class="was">${t(lang, 'wasWorded', { text: r.metricBefore })}</span>` : nothing}
      </td>
      <td class="num"><span class="value ${r.before ? '' : 'none'}" data-testid="target-before">${r.before ?? '—'}</span></td>
      <td class="arrow" aria-hidden="true">→</td>
      <td class="num"><span class="value ${r.after ? '' : 'none'}" data-testid="target-after">${r.after ?? '—'}</span></td>
      <td>
        <div class="markers">${r.markers.map((m) => html`<span class="chip ${m}" data-testid="marker-${m}">${markerLabel(lang, m)}</span>`)}</div>
      </td>
      <td class="num">${delta}</td>
      <td class="num">${horizon}</td>
      <td class="also">${r.alsoChanged.map((k) => t(lang, `aspect.${k}`)).join(', ')}</td>
      <td class="links">${this.clauseLink('a', r.clauseBefore)}${this.clauseLink('b', r.clauseAfter)}</td>
      <td class="rev">${this.renderReview(r)}</td>
    </tr>`;
  }

  override render() {
    const lang = this.locale;
    const c = targetCounts(this.rows);
    const filtered = this.changesOnly ? this.rows.filter((r) => r.status !== 'copied') : this.rows;
    const shown = this.order ? sortTargetRows(filtered, this.order) : filtered;
    return html`
      <div class="bar">
        <span class="summary" data-testid="target-summary">${t(lang, 'targetSummary', { total: this.rows.length, ...c })}</span>
        <label class="check"><input type="checkbox" .checked=${this.changesOnly} @change=${(e: Event) => (this.changesOnly = (e.target as HTMLInputElement).checked)} />${t(lang, 'filter.changes')}</label>
        <label
          >${rt(lang, 'relation')}
          <select data-testid="relation" @change=${(e: Event) => this.dispatchEvent(new CustomEvent('pd-relation', { detail: { relation: (e.target as HTMLSelectElement).value }, bubbles: true, composed: true }))}>
            ${(['auto', 'parent', 'peer'] as const).map((r) => html`<option value=${r} ?selected=${this.relation === r}>${rt(lang, `relation.${r}`)}</option>`)}
          </select></label
        >
        ${this.judged ? html`<span class="muted" data-testid="judged" data-relation=${this.judged}>${rt(lang, `judged.${this.judged}`)}</span>` : nothing}
        <button data-testid="export-csv" ?disabled=${!this.rows.length} @click=${() => emit(this, 'pd-export-csv', {})}>⤓ ${t(lang, 'exportCsv')}</button>
        <button data-testid="target-docx" ?disabled=${!this.rows.length} @click=${() => this.dispatchEvent(new CustomEvent('pd-download', { detail: { format: 'docx' }, bubbles: true, composed: true }))}>⤓ Word</button>
        <button data-testid="target-xlsx" ?disabled=${!this.rows.length} @click=${() => this.dispatchEvent(new CustomEvent('pd-download', { detail: { format: 'xlsx' }, bubbles: true, composed: true }))}>⤓ Excel</button>
      </div>
      ${this.rows.length === 0
        ? html`<div class="none-msg">${t(lang, 'noTargets')}</div>`
        : html`<div class="scroll">
            <table data-testid="target-table">
              <thead>
                <tr>
                  ${this.sortHeader('status', 'tcol.status')} ${this.sortHeader('metric', 'tcol.metric')}
                  ${this.sortHeader('before', 'tcol.before', 'num')}
                  <th></th>
                  ${this.sortHeader('after', 'tcol.after', 'num')}
                  <th></th>
                  ${this.sortHeader('delta', 'tcol.delta', 'num')} ${this.sortHeader('horizon', 'tcol.horizon', 'num')}
                  <th>${t(lang, 'tcol.also')}</th>
                  <th></th>
                  <th>${rt(lang, 'review')}</th>
                </tr>
              </thead>
              <tbody>
                ${shown.map((r) => this.renderRow(r))}
              </tbody>
            </table>
          </div>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pd-target-table': PdTargetTable;
  }
}
