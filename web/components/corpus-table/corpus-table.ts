/**
 * <pd-corpus-table>: every plan of the folder (and the uploads) with title, issuer, level, year,
 * type and number; search, filters, sorting; tick two rows to compare them.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { corpusFacets, filterCorpus, NO_FILTER, sortCorpus, type CorpusColumn, type CorpusFilter, type CorpusRow } from '../../../src/view/corpus.js';
import type { Warning } from '../../../src/types.js';
import { errorReason, levelLabel, t, type Lang } from '../../../src/view/i18n.js';
import { formatRoute } from '../../../src/view/route.js';
import { nextOrder, type SortOrder } from '../../../src/view/table-sort.js';
import { chips, controls, tables } from '../../styles/shared.js';
import { emit } from '../events.js';

/** Rows drawn at once; more on request (a corpus of thousands stays responsive). */
const PAGE = 300;

@customElement('pd-corpus-table')
export class PdCorpusTable extends LitElement {
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
        gap: 8px;
        align-items: center;
        padding: 12px 14px;
        border-bottom: 1px solid var(--pd-border);
      }
      input[type='search'] {
        flex: 1 1 260px;
        min-width: 200px;
      }
      .count {
        margin-left: auto;
        color: var(--pd-muted);
        font-size: 13px;
      }
      .scroll {
        overflow: auto;
        max-height: calc(100vh - 300px);
        min-height: 200px;
      }
      td.title {
        min-width: 320px;
      }
      .t {
        font-weight: 600;
        color: var(--pd-text);
      }
      .t.untitled {
        font-weight: 400;
        font-style: italic;
        color: var(--pd-muted);
      }
      .file {
        display: block;
        font-size: 12px;
        color: var(--pd-muted);
        font-family: var(--pd-font-mono);
      }
      details.warn {
        font-size: 12px;
      }
      details.warn summary {
        cursor: pointer;
        display: inline-flex;
      }
      details.warn summary:focus-visible {
        outline: 2px solid var(--pd-focus);
      }
      details.warn ul {
        margin: 4px 0 0;
        padding-left: 18px;
        color: var(--pd-text);
      }
      details.warn .at {
        color: var(--pd-muted);
        font-family: var(--pd-font-mono);
      }
      button.remove {
        min-height: 24px;
        font-size: 12px;
        padding: 0 8px;
      }
      .flags {
        display: flex;
        gap: 4px;
        margin-top: 4px;
        flex-wrap: wrap;
      }
      tr.error td {
        background: #fff7f6;
      }
      tr.selected td {
        background: #eef5ff;
      }
      td.nowrap {
        white-space: nowrap;
      }
      td.pick {
        width: 32px;
      }
      .empty {
        padding: 24px;
        text-align: center;
        color: var(--pd-muted);
      }
      .more {
        padding: 10px;
        text-align: center;
      }
      .actions a {
        white-space: nowrap;
        font-size: 13px;
      }
      .selection {
        display: flex;
        gap: 8px;
        align-items: center;
      }
      /* on paper: every plan and every column on an A4 page — no scroll box, no minimum widths,
         wrapping values, smaller type; the controls, the ticks and the graph links left out */
      @media print {
        .bar > :not(.count),
        td.pick,
        th:first-child,
        td.actions,
        th:last-child,
        button.remove {
          display: none;
        }
        .bar {
          padding: 0 0 6px;
        }
        .scroll {
          max-height: none;
          min-height: 0;
          overflow: visible;
        }
        table {
          table-layout: auto;
          font-size: 8.5pt;
        }
        th,
        td {
          padding: 4px 5px;
        }
        th {
          position: static;
          white-space: normal;
        }
        td.title {
          min-width: 0;
          width: 38%;
        }
        td.nowrap,
        .chip {
          white-space: normal;
        }
        td.mono,
        .file {
          overflow-wrap: anywhere;
        }
        details.warn ul {
          display: block;
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

  /** The rows (corpus plans and uploads). */
  @property({ attribute: false }) rows: CorpusRow[] = [];
  /** Language of the labels. */
  @property() locale: Lang = 'vi';
  /** Each plan's reading warnings, by file (the rows carry only their count). */
  @property({ attribute: false }) warnings: ReadonlyMap<string, Warning[]> = new Map();

  @state() private filter: CorpusFilter = { ...NO_FILTER };
  @state() private order: SortOrder<CorpusColumn> | null = null;
  @state() private selected: string[] = [];
  @state() private limit = PAGE;

  private handleFilter(patch: Partial<CorpusFilter>): void {
    this.filter = { ...this.filter, ...patch };
    this.limit = PAGE;
  }

  private handleSort(key: CorpusColumn): void {
    this.order = nextOrder(this.order, key);
  }

  private handlePick(file: string, on: boolean): void {
    const rest = this.selected.filter((f) => f !== file);
    this.selected = on ? [...rest, file].slice(-2) : rest;
  }

  private handleCompare(): void {
    const [first, second] = this.selected;
    if (!first || !second) return;
    // Older first: A is the parent or older plan.
    const year = (f: string): number => this.rows.find((r) => r.file === f)?.year ?? 0;
    const [a, b] = year(first) <= year(second) ? [first, second] : [second, first];
    emit(this, 'pd-pair-select', { a, b, view: 'diff' });
  }

  private sortHeader(key: CorpusColumn, label: string, cls = '') {
    const active = this.order?.key === key;
    const arrow = active ? (this.order?.direction === 'asc' ? '▲' : '▼') : '';
    return html`<th class=${cls} aria-sort=${active ? (this.order?.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button class="sort" @click=${() => this.handleSort(key)}>${label} <span aria-hidden="true">${arrow}</span></button>
    </th>`;
  }

  /** The plan's reading warnings, opened in place: each message with where it sits in the text (line and column). */
  private renderWarnings(r: CorpusRow) {
    const lang = this.locale;
    const list = this.warnings.get(r.file) ?? [];
    return html`<details class="warn" data-testid="row-warnings">
      <summary class="chip medium">⚠ ${t(lang, 'warnings', { count: r.warnings })}</summary>
      <ul aria-label=${t(lang, 'warningsTitle')}>
        ${list.map((w) => html`<li data-code=${w.code}>${w.message}${w.span ? html` <span class="at">[${w.span[0]}–${w.span[1]}]</span>` : nothing}</li>`)}
      </ul>
    </details>`;
  }

  private renderRow(r: CorpusRow) {
    const lang = this.locale;
    const picked = this.selected.includes(r.file);
    return html`<tr class="${r.error ? 'error' : ''} ${picked ? 'selected' : ''}" data-testid="corpus-row" data-file=${r.file}>
      <td class="pick">
        ${r.error
          ? nothing
          : html`<input type="checkbox" aria-label=${r.title} .checked=${picked} @change=${(e: Event) => this.handlePick(r.file, (e.target as HTMLInputElement).checked)} />`}
      </td>
      <td class="title">
        <span class="t ${r.untitled ? 'untitled' : ''}">${r.title}</span>
        <span class="file">${r.source === 'upload' ? r.name : r.file}</span>
        ${r.error || r.warnings || r.source === 'upload' || r.untitled
          ? html`<div class="flags">
              ${r.error ? html`<span class="chip dropped" data-testid="row-error">${t(lang, 'unreadable')}: ${errorReason(lang, r.error)}</span>` : nothing}
              ${r.untitled && !r.error ? html`<span class="chip">${t(lang, 'untitled')}</span>` : nothing}
              ${r.warnings ? this.renderWarnings(r) : nothing}
              ${r.source === 'upload'
                ? html`<span class="chip moved">${t(lang, 'uploaded')}</span>
                    <button class="remove" data-testid="remove-upload" aria-label="${t(lang, 'removeUpload')}: ${r.name}" @click=${() => emit(this, 'pd-upload-remove', { file: r.file })}>
                      ✕ ${t(lang, 'removeUpload')}
                    </button>`
                : nothing}
            </div>`
          : nothing}
      </td>
      <td>${r.issuer ?? html`<span class="muted">—</span>`}</td>
      <td>${r.level ? html`<span class="chip ${r.level}">${levelLabel(lang, r.level)}</span>` : html`<span class="muted">—</span>`}</td>
      <td class="num">${r.year ?? '—'}</td>
      <td class="nowrap">${r.type ?? '—'}</td>
      <td class="mono nowrap">${r.ident ?? '—'}</td>
      <td class="num">${r.error ? '—' : r.targets}</td>
      <td class="actions">${r.node ? html`<a href=${formatRoute({ view: 'lineage', node: r.node })}>${t(lang, 'openInGraph')}</a>` : nothing}</td>
    </tr>`;
  }

  override render() {
    const lang = this.locale;
    const facets = corpusFacets(this.rows);
    const filtered = filterCorpus(this.rows, this.filter);
    const shown = this.order ? sortCorpus(filtered, this.order) : filtered;
    const filtering = this.filter.query || this.filter.level || this.filter.year !== null || this.filter.type;
    return html`
      <div class="bar">
        <input
          type="search"
          data-testid="corpus-search"
          placeholder=${t(lang, 'search')}
          aria-label=${t(lang, 'search')}
          .value=${this.filter.query}
          @input=${(e: Event) => this.handleFilter({ query: (e.target as HTMLInputElement).value })}
        />
        <select aria-label=${t(lang, 'col.level')} @change=${(e: Event) => this.handleFilter({ level: ((e.target as HTMLSelectElement).value || null) as CorpusFilter['level'] })}>
          <option value="" ?selected=${!this.filter.level}>${t(lang, 'allLevels')}</option>
          ${facets.levels.map((l) => html`<option value=${l} ?selected=${this.filter.level === l}>${levelLabel(lang, l)}</option>`)}
        </select>
        <select aria-label=${t(lang, 'col.year')} @change=${(e: Event) => {
          const v = (e.target as HTMLSelectElement).value;
          this.handleFilter({ year: v ? Number(v) : null });
        }}>
          <option value="" ?selected=${this.filter.year === null}>${t(lang, 'allYears')}</option>
          ${facets.years.map((y) => html`<option value=${y} ?selected=${this.filter.year === y}>${y}</option>`)}
        </select>
        <select aria-label=${t(lang, 'col.type')} @change=${(e: Event) => this.handleFilter({ type: (e.target as HTMLSelectElement).value || null })}>
          <option value="" ?selected=${!this.filter.type}>${t(lang, 'allTypes')}</option>
          ${facets.types.map((ty) => html`<option value=${ty} ?selected=${this.filter.type === ty}>${ty}</option>`)}
        </select>
        ${filtering ? html`<button class="ghost" @click=${() => (this.filter = { ...NO_FILTER })}>${t(lang, 'clearFilters')}</button>` : nothing}
        <span class="selection">
          <button class="primary" data-testid="compare-selected" ?disabled=${this.selected.length !== 2} @click=${this.handleCompare}>
            ${this.selected.length === 2 ? t(lang, 'compareSelected') : t(lang, 'selectTwo')}
          </button>
        </span>
        <span class="count" data-testid="corpus-count"
          >${t(lang, 'plansShown', { shown: filtered.filter((r) => !r.error).length, total: this.rows.filter((r) => !r.error).length })}</span
        >
      </div>
      <div class="scroll">
        <table data-testid="corpus-table">
          <thead>
            <tr>
              <th><span class="visually-hidden">✓</span></th>
              ${this.sortHeader('title', t(lang, 'col.title'))} ${this.sortHeader('issuer', t(lang, 'col.issuer'))}
              ${this.sortHeader('level', t(lang, 'col.level'))} ${this.sortHeader('year', t(lang, 'col.year'), 'num')}
              ${this.sortHeader('type', t(lang, 'col.type'))} ${this.sortHeader('ident', t(lang, 'col.ident'))}
              ${this.sortHeader('targets', t(lang, 'col.targets'), 'num')}
              <th></th>
            </tr>
          </thead>
          <tbody>
            ${shown.slice(0, this.limit).map((r) => this.renderRow(r))}
          </tbody>
        </table>
        ${shown.length === 0 && this.rows.length > 0 ? html`<div class="empty">${t(lang, 'noMatch')}</div>` : nothing}
        ${shown.length > this.limit
          ? html`<div class="more"><button @click=${() => (this.limit += PAGE)}>+ ${Math.min(PAGE, shown.length - this.limit)} / ${shown.length - this.limit}</button></div>`
          : nothing}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pd-corpus-table': PdCorpusTable;
  }
}
