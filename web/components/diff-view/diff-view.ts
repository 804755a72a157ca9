/**
 * <pd-diff-view>: two plans side by side. Each row is an aligned pair, so both columns scroll as
 * one; word-level highlights inside modified pairs; status colours; a change list and a minimap;
 * "only changes" / "only substantive" filters; n/j and p/k step through changes; the focused
 * clause is reported up (`pd-clause-focus`) so the address can hold it. Prints as a clean report.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { DocumentMeta } from '../../../src/types.js';
import {
  clauseOfRow,
  diffCounts,
  filterDiffRows,
  minimapMarks,
  ROW_STATUSES,
  rowOfClause,
  stepChange,
  cellText,
  type DiffCell,
  type DiffFilter,
  type DiffRow,
} from '../../../src/view/diff-rows.js';
import { formatNumber, rowStatusLabel, t, type Lang } from '../../../src/view/i18n.js';
import type { ClauseRef } from '../../../src/view/route.js';
import { chips, controls } from '../../styles/shared.js';
import { emit } from '../events.js';
import { clip } from '../../../src/text/clip.js';

type Doc = DocumentMeta & { file: string | null };

const FILTERS: readonly DiffFilter[] = ['all', 'changes', 'substantive'];

/** Past this many rows, rows off screen are laid out lazily (content-visibility). */
const LAZY_ROWS = 600;


@customElement('pd-diff-view')
export class PdDiffView extends LitElement {
  static override styles = [
    controls,
    chips,
    css`
      :host {
        display: block;
        --pd-diff-height: calc(100vh - 250px);
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: center;
        padding: 10px 12px;
        border-bottom: 1px solid var(--pd-border);
      }
      .counts {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
      }
      .seg {
        display: inline-flex;
      }
      .seg button {
        border-radius: 0;
        margin-left: -1px;
      }
      .seg button:first-child {
        border-radius: 6px 0 0 6px;
      }
      .seg button:last-child {
        border-radius: 0 6px 6px 0;
      }
      .spacer {
        flex: 1;
      }
      .layout {
        display: grid;
        grid-template-columns: 260px minmax(0, 1fr) 14px;
        height: var(--pd-diff-height);
        min-height: 360px;
      }
      .changes {
        border-right: 1px solid var(--pd-border);
        overflow: auto;
        font-size: 13px;
      }
      .changes h3 {
        margin: 0;
        padding: 10px 12px 6px;
        font-size: 12px;
        text-transform: uppercase;
        letter-spacing: 0.02em;
        color: var(--pd-muted);
        position: sticky;
        top: 0;
        background: var(--pd-surface);
      }
      .changes ol {
        list-style: none;
        margin: 0;
        padding: 0 6px 12px;
      }
      .changes li button {
        all: unset;
        box-sizing: border-box;
        display: block;
        width: 100%;
        padding: 6px 8px;
        border-radius: 6px;
        cursor: pointer;
        border-left: 3px solid transparent;
      }
      .changes li button:hover {
        background: #f2f6fb;
      }
      .changes li button:focus-visible {
        outline: 2px solid var(--pd-focus);
      }
      .changes li button.current {
        background: #e8f0fb;
      }
      .changes li .snip {
        display: block;
        color: var(--pd-muted);
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .changes .s-modified {
        border-left-color: var(--pd-modified);
      }
      .changes .s-moved {
        border-left-color: var(--pd-moved);
      }
      .changes .s-dropped {
        border-left-color: var(--pd-dropped);
      }
      .changes .s-added {
        border-left-color: var(--pd-added);
      }
      .pane {
        overflow: auto;
        position: relative;
      }
      .head,
      .row {
        display: grid;
        grid-template-columns: minmax(0, 1fr) 34px minmax(0, 1fr);
      }
      .head {
        position: sticky;
        top: 0;
        z-index: 2;
        background: #f8fafc;
        border-bottom: 1px solid var(--pd-border-strong);
        font-size: 13px;
      }
      .head > div {
        padding: 8px 12px;
        min-width: 0;
      }
      .head .doc-title {
        font-weight: 600;
        display: block;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .head .doc-meta {
        color: var(--pd-muted);
        font-size: 12px;
      }
      .head .side-a {
        border-top: 3px solid var(--pd-dropped);
      }
      .head .side-b {
        border-top: 3px solid var(--pd-added);
      }
      .row {
        border-bottom: 1px solid #edf0f4;
      }
      /* Very long plans: rows off screen are not laid out until they come near. */
      .pane.lazy .row {
        content-visibility: auto;
        contain-intrinsic-size: auto 60px;
      }
      .row.current {
        outline: 2px solid var(--pd-focus);
        outline-offset: -2px;
        position: relative;
        z-index: 1;
      }
      .cell {
        padding: 6px 12px 6px calc(12px + var(--depth, 0) * 14px);
        min-width: 0;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        line-height: 1.55;
      }
      .cell.empty {
        background: repeating-linear-gradient(135deg, #f6f7f9 0 6px, #eef1f4 6px 12px);
      }
      .cid {
        display: inline-block;
        margin-right: 6px;
        padding: 0 5px;
        border-radius: 4px;
        font-family: var(--pd-font-mono);
        font-size: 11px;
        color: var(--pd-muted);
        background: #eef1f5;
        vertical-align: 1px;
        white-space: nowrap;
      }
      .mid {
        display: flex;
        flex-direction: column;
        align-items: center;
        padding-top: 8px;
        gap: 2px;
        font-size: 11px;
        color: var(--pd-faint);
        border-left: 1px solid #edf0f4;
        border-right: 1px solid #edf0f4;
      }
      .dot {
        width: 10px;
        height: 10px;
        border-radius: 50%;
        background: var(--pd-border-strong);
      }
      .s-identical .cell {
        color: #3a4654;
      }
      .row.s-modified .cell {
        background: var(--pd-modified-bg);
      }
      .row.s-modified .dot {
        background: var(--pd-modified);
      }
      .row.s-moved .cell {
        background: var(--pd-moved-bg);
      }
      .row.s-moved .dot {
        background: var(--pd-moved);
      }
      .row.s-dropped .cell.a {
        background: var(--pd-dropped-bg);
      }
      .row.s-dropped .dot {
        background: var(--pd-dropped);
      }
      .row.s-added .cell.b {
        background: var(--pd-added-bg);
      }
      .row.s-added .dot {
        background: var(--pd-added);
      }
      del {
        background: var(--pd-del-bg);
        color: #8a1c1c;
        text-decoration: line-through;
        text-decoration-color: rgba(138, 28, 28, 0.6);
        border-radius: 2px;
      }
      ins {
        background: var(--pd-ins-bg);
        color: #14532d;
        text-decoration: none;
        border-radius: 2px;
      }
      .tags {
        white-space: normal;
        display: flex;
        gap: 4px;
        margin-top: 4px;
        flex-wrap: wrap;
      }
      .tags .chip {
        font-size: 11px;
        line-height: 17px;
      }
      .minimap {
        position: relative;
        border-left: 1px solid var(--pd-border);
        background: #f6f8fb;
        cursor: pointer;
      }
      .mark {
        position: absolute;
        left: 2px;
        right: 2px;
        min-height: 2px;
        border-radius: 1px;
      }
      .mark.modified {
        background: var(--pd-modified);
      }
      .mark.moved {
        background: var(--pd-moved);
      }
      .mark.dropped {
        background: var(--pd-dropped);
      }
      .mark.added {
        background: var(--pd-added);
      }
      .viewport {
        position: absolute;
        left: 0;
        right: 0;
        border: 1px solid rgba(15, 42, 68, 0.45);
        background: rgba(15, 42, 68, 0.08);
        pointer-events: none;
      }
      .none {
        padding: 30px;
        text-align: center;
        color: var(--pd-muted);
      }
      .hint {
        font-size: 12px;
        color: var(--pd-faint);
      }
      @media (max-width: 900px) {
        .layout {
          grid-template-columns: minmax(0, 1fr) 14px;
        }
        .changes {
          display: none;
        }
      }
      @media print {
        .bar button,
        .bar .seg,
        .hint,
        .changes,
        .minimap {
          display: none !important;
        }
        .layout {
          display: block;
          height: auto;
        }
        .pane {
          overflow: visible;
        }
        .head {
          position: static;
        }
        .row,
        .pane.lazy .row {
          content-visibility: visible;
          break-inside: avoid;
        }
        .row.current {
          outline: none;
        }
        del,
        ins,
        .cell {
          -webkit-print-color-adjust: exact;
          print-color-adjust: exact;
        }
      }
    `,
  ];

  /** The aligned pairs (from `diffRows`). */
  @property({ attribute: false }) rows: DiffRow[] = [];
  /** Plan A's header facts. */
  @property({ attribute: false }) docA: Doc | null = null;
  /** Plan B's header facts. */
  @property({ attribute: false }) docB: Doc | null = null;
  /** The clause to show (from the address). */
  @property({ attribute: false }) clause: ClauseRef | null = null;
  /** Language of the labels. */
  @property() locale: Lang = 'vi';

  @state() private filter: DiffFilter = 'all';
  /** Alignment index of the current row. */
  @state() private current: number | null = null;
  @state() private viewport = { top: 0, height: 1 };

  @query('.pane') private pane!: HTMLElement;

  private scrollPending = false;
  private readonly onKey = (e: KeyboardEvent): void => this.handleKey(e);

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('keydown', this.onKey);
  }

  override disconnectedCallback(): void {
    document.removeEventListener('keydown', this.onKey);
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('rows')) this.current = null;
    if ((changed.has('clause') || changed.has('rows')) && this.clause) {
      const row = rowOfClause(this.rows, this.clause);
      if (row && row.index !== this.current) {
        this.current = row.index;
        if (!filterDiffRows(this.rows, this.filter).includes(row)) this.filter = 'all';
        this.scrollPending = true;
      }
    }
  }

  protected override updated(): void {
    if (this.scrollPending) {
      this.scrollPending = false;
      this.scrollToCurrent();
    }
    this.handleScroll();
  }

  /** Moves to the next (1) or previous (-1) change among the rows shown. */
  step(dir: 1 | -1): void {
    const row = stepChange(filterDiffRows(this.rows, this.filter), this.current, dir);
    if (row) this.goTo(row);
  }

  private goTo(row: DiffRow): void {
    this.current = row.index;
    this.scrollPending = true;
    emit(this, 'pd-clause-focus', { clause: clauseOfRow(row) });
  }

  private scrollToCurrent(): void {
    const el = this.renderRoot.querySelector<HTMLElement>(`[data-index="${this.current}"]`);
    if (!el || !this.pane) return;
    // Scroll the pane only (scrollIntoView would scroll the page too). In a very long plan rows
    // off screen have estimated heights until drawn, so centre again until the row stays put.
    let frames = 0;
    let last = Number.NaN;
    const centre = (): void => {
      const top = el.offsetTop;
      this.pane.scrollTop = top - this.pane.clientHeight / 2 + el.offsetHeight / 2;
      if (top !== last && ++frames < 8) {
        last = top;
        requestAnimationFrame(centre);
      }
    };
    centre();
    const nav = this.renderRoot.querySelector<HTMLElement>('.changes');
    const item = this.renderRoot.querySelector<HTMLElement>('.changes button.current');
    if (nav && item) {
      const top = item.getBoundingClientRect().top - nav.getBoundingClientRect().top;
      if (top < 30 || top > nav.clientHeight - 40) nav.scrollTop += top - nav.clientHeight / 2;
    }
  }

  private handleKey(e: KeyboardEvent): void {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.composedPath()[0];
    if (target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName))) return;
    if (!this.isConnected || !this.offsetParent) return;
    if (e.key === 'n' || e.key === 'j') {
      e.preventDefault();
      this.step(1);
    } else if (e.key === 'p' || e.key === 'k') {
      e.preventDefault();
      this.step(-1);
    }
  }

  private handleScroll(): void {
    const p = this.pane;
    if (!p || !p.scrollHeight) return;
    const top = p.scrollTop / p.scrollHeight;
    const height = Math.min(1, p.clientHeight / p.scrollHeight);
    if (Math.abs(top - this.viewport.top) > 0.001 || Math.abs(height - this.viewport.height) > 0.001) this.viewport = { top, height };
  }

  private handleMinimap(e: MouseEvent): void {
    const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
    const at = (e.clientY - box.top) / box.height;
    this.pane.scrollTop = at * this.pane.scrollHeight - this.pane.clientHeight / 2;
  }

  private renderCell(c: DiffCell | null, side: 'a' | 'b', extra: unknown = nothing) {
    if (!c) return html`<div class="cell ${side} empty" aria-hidden="true"></div>`;
    return html`<div class="cell ${side}" style="--depth:${Math.min(c.depth, 6)}"><span class="cid">${c.id}</span>${c.segments.map((s) =>
        s.mark === 'del' ? html`<del>${s.text}</del>` : s.mark === 'ins' ? html`<ins>${s.text}</ins>` : s.text,
      )}${extra}</div>`;
  }

  private renderRow(r: DiffRow) {
    const lang = this.locale;
    const tags =
      r.status === 'identical'
        ? nothing
        : html`<div class="tags">
            ${r.nature ? html`<span class="chip ${r.nature === 'cosmetic' ? 'identical' : 'modified'}">${t(lang, r.nature)}</span>` : nothing}
            ${r.moved && r.base === 'modified' ? html`<span class="chip modified">${rowStatusLabel(lang, 'modified')}</span>` : nothing}
            ${r.group ? html`<span class="chip">${t(lang, r.group)}</span>` : nothing}
            ${r.similarity !== null && r.base !== 'identical'
              ? html`<span class="chip">${t(lang, 'similarity', { value: formatNumber(lang, r.similarity, 2) })}</span>`
              : nothing}
          </div>`;
    return html`<div
      class="row s-${r.status} ${r.index === this.current ? 'current' : ''}"
      data-testid="diff-row"
      data-status=${r.status}
      data-base=${r.base}
      data-index=${r.index}
      data-a=${r.a?.id ?? ''}
      data-b=${r.b?.id ?? ''}
    >
      ${this.renderCell(r.a, 'a')}
      <div class="mid" title=${rowStatusLabel(lang, r.status)}><span class="dot"></span></div>
      ${this.renderCell(r.b, 'b', tags)}
    </div>`;
  }

  private renderDocHead(d: Doc | null, side: 'a' | 'b') {
    if (!d) return html`<div class="side-${side}"></div>`;
    const ident = d.symbol ? `${d.number ?? '…'}/${d.symbol}` : null;
    const meta = [side === 'a' ? 'A' : 'B', d.issuer, ident, d.date].filter(Boolean).join(' · ');
    return html`<div class="side-${side}" data-testid="diff-head-${side}">
      <span class="doc-title" title=${d.title ?? d.file ?? ''}>${d.title ?? d.file ?? '—'}</span>
      <span class="doc-meta">${meta}</span>
    </div>`;
  }

  override render() {
    const lang = this.locale;
    const counts = diffCounts(this.rows);
    const shown = filterDiffRows(this.rows, this.filter);
    const changes = shown.filter((r) => r.changed);
    const marks = minimapMarks(shown);
    return html`
      <div class="bar">
        <div class="counts" data-testid="diff-summary" data-total=${counts.total}>
          ${ROW_STATUSES.map(
            (s) => html`<span class="chip ${s}" data-testid="diff-count-${s}" data-count=${counts[s]}>${rowStatusLabel(lang, s)} ${counts[s]}</span>`,
          )}
        </div>
        <span class="spacer"></span>
        <div class="seg" role="group">
          ${FILTERS.map(
            (f) => html`<button aria-pressed=${this.filter === f} data-testid="diff-filter-${f}" @click=${() => (this.filter = f)}>${t(lang, `filter.${f}`)}</button>`,
          )}
        </div>
        <button data-testid="prev-change" title=${t(lang, 'prevChange')} @click=${() => this.step(-1)}>↑</button>
        <button data-testid="next-change" title=${t(lang, 'nextChange')} @click=${() => this.step(1)}>↓</button>
        <button @click=${() => window.print()}>${t(lang, 'print')}</button>
      </div>
      <div class="layout">
        <nav class="changes" aria-label=${t(lang, 'changeList')}>
          <h3>${t(lang, 'changeList')} (${changes.length})</h3>
          ${changes.length
            ? html`<ol data-testid="change-list">
                ${changes.map((r) => {
                  const c = r.b ?? r.a;
                  return html`<li>
                    <button class="s-${r.status} ${r.index === this.current ? 'current' : ''}" @click=${() => this.goTo(r)}>
                      <span class="chip ${r.status}">${rowStatusLabel(lang, r.status)}</span>
                      <span class="cid mono">${c?.id}</span>
                      <span class="snip">${clip(cellText(c ?? null), 80)}</span>
                    </button>
                  </li>`;
                })}
              </ol>`
            : html`<p class="none">${t(lang, 'noChanges')}</p>`}
        </nav>
        <div class="pane ${shown.length > LAZY_ROWS ? 'lazy' : ''}" data-testid="diff-pane" @scroll=${this.handleScroll}>
          <div class="head">${this.renderDocHead(this.docA, 'a')}<div></div>${this.renderDocHead(this.docB, 'b')}</div>
          ${shown.map((r) => this.renderRow(r))}
          ${shown.length === 0 ? html`<p class="none">${t(lang, 'noChanges')}</p>` : nothing}
        </div>
        <div class="minimap" data-testid="minimap" @click=${this.handleMinimap} aria-hidden="true">
          ${marks.map((m) => html`<span class="mark ${m.status}" style="top:${(m.top * 100).toFixed(3)}%;height:${(m.height * 100).toFixed(3)}%"></span>`)}
          <span class="viewport" style="top:${(this.viewport.top * 100).toFixed(2)}%;height:${(this.viewport.height * 100).toFixed(2)}%"></span>
        </div>
      </div>
      <div class="bar hint">${t(lang, 'keyboardHint')}</div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pd-diff-view': PdDiffView;
  }
}
