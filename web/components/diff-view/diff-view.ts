/**
 * <pd-diff-view>: two plans side by side (or inline, in one column). Each row is an aligned pair,
 * so both columns scroll as one; word-level highlights inside modified pairs, a block replacement
 * for pairs that share few words; status chips that filter (several at once); next/previous
 * within the chosen statuses (n/j, p/k); search in either side with a hit count and stepping
 * (/, Enter, Shift+Enter); copy a clause's text or deep link; a quiet mark on pairs that are equal
 * only after folding, with "ignore …" toggles per kind of folding; the plans' reading warnings,
 * each linked to its clause. The focused clause is reported up (`pd-clause-focus`) so the address
 * can hold it. Prints as a clean report, full titles included.
 *
 * Long diffs are windowed: past WINDOW_ROWS rows only the rows near the viewport are in the page
 * (whole blocks of CHUNK rows), the others stand as two spacers of their measured or estimated
 * height; the window moves when a block has scrolled past, and the rest of the view (bar, change
 * list, minimap marks) is not re-rendered when it does. The minimap's viewport is moved by a style
 * write in an animation frame. Printing draws every row.
 *
 * Every changed row (modified, dropped, added, moved, merged or split) carries the review control
 * of its clause alignment (<pd-review-mark>, as the targets and fidelity views have): the decision
 * kept for it and, under plandiff serve, a status, reason and note to save (`pd-review`). Drafts are
 * held here, so a row that leaves the window keeps what was typed.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Alignment, DocumentMeta, Warning } from '../../../src/types.js';
import { reviewItems, type ReviewItem } from '../../../src/compare/review-items.js';
import type { DecisionView } from '../../../src/report/review-decisions.js';
import {
  BLOCK_REPLACE_BELOW,
  cellText,
  clauseOfRow,
  diffCounts,
  markHits,
  minimapMarks,
  pickRows,
  ROW_STATUSES,
  rowOfClause,
  rowOfWarning,
  searchRows,
  stepChange,
  stopsAt,
  unifiedSegments,
  type DiffCell,
  type DiffRow,
  type RowStatus,
  type SearchHit,
  type SearchSide,
  type Segment,
} from '../../../src/view/diff-rows.js';
import { estimateRowHeight, rowOffsets, rowWindow, type RowEstimate, type RowRange } from '../../../src/view/diff-window.js';
import { FOLD_KINDS, type FoldKind } from '../../../src/view/fold-explain.js';
import { formatNumber, rowStatusLabel, t, type Lang, type MessageKey } from '../../../src/view/i18n.js';
import { formatRoute, type ClauseRef, type WarningRef } from '../../../src/view/route.js';
import { clip } from '../../../src/text/clip.js';
import { chips, controls } from '../../styles/shared.js';
import { emit } from '../events.js';
import { draftOf, withDraft, type ReviewDraft, type ReviewDraftDetail } from '../review-mark/review-mark.js';

type Doc = DocumentMeta & { file: string | null };
type Layout = 'side' | 'inline';

/** Past this many rows shown, only a window of rows around the viewport is in the page. */
const WINDOW_ROWS = 300;
/** Rows are drawn and dropped by blocks of CHUNK: the window moves once a block has passed. */
const CHUNK = 12;
/** Pixels of rows kept in the page beyond each edge of the viewport. */
const OVERSCAN = 900;

const SIDES: readonly SearchSide[] = ['both', 'a', 'b'];

/** Copies text to the clipboard; falls back to a hidden textarea where the Clipboard API is off. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

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
        align-items: center;
      }
      .counts button.chip {
        min-height: 28px;
        padding: 0 10px;
        cursor: pointer;
        border: 1px solid var(--pd-border-strong);
      }
      .counts button.chip[aria-pressed='true'] {
        box-shadow: inset 0 0 0 2px currentColor;
        font-weight: 600;
      }
      .counts button.chip[aria-pressed='true']:hover {
        background: var(--pd-surface);
        color: var(--pd-text);
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
        margin-left: 0;
      }
      .seg button:last-child {
        border-radius: 0 6px 6px 0;
      }
      .search {
        display: inline-flex;
        align-items: center;
        gap: 4px;
        flex-wrap: wrap;
      }
      .search input {
        width: 190px;
      }
      .search select {
        max-width: 120px;
      }
      .hits {
        min-width: 64px;
        font-size: 12px;
        color: var(--pd-muted);
        font-variant-numeric: tabular-nums;
      }
      details.ignore {
        position: relative;
      }
      details.ignore summary {
        cursor: pointer;
        padding: 5px 10px;
        border: 1px solid var(--pd-border-strong);
        border-radius: 6px;
        min-height: 32px;
        list-style: none;
        display: inline-flex;
        align-items: center;
      }
      details.ignore summary:focus-visible,
      details.warn summary:focus-visible,
      .pane:focus-visible {
        outline: 2px solid var(--pd-focus);
        outline-offset: 1px;
      }
      details.ignore .menu {
        position: absolute;
        z-index: 5;
        top: calc(100% + 4px);
        left: 0;
        background: var(--pd-surface);
        border: 1px solid var(--pd-border-strong);
        border-radius: 8px;
        box-shadow: var(--pd-shadow);
        padding: 8px 12px;
        display: flex;
        flex-direction: column;
        gap: 6px;
        min-width: 220px;
      }
      .status {
        font-size: 12px;
        color: var(--pd-muted);
        min-height: 1em;
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
        contain: strict;
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
        overscroll-behavior: contain;
      }
      .head,
      .row {
        display: grid;
        grid-template-columns: minmax(0, 1fr) 34px minmax(0, 1fr);
      }
      .inline .row {
        grid-template-columns: 34px minmax(0, 1fr);
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
        overflow-wrap: anywhere;
        line-height: 1.35;
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
      details.warn {
        margin-top: 4px;
        font-size: 12px;
      }
      details.warn summary {
        cursor: pointer;
        color: #8a4b00;
        display: inline-block;
      }
      details.warn ul {
        margin: 4px 0 0;
        padding-left: 18px;
      }
      details.warn button {
        all: unset;
        cursor: pointer;
        color: var(--pd-link);
        text-decoration: underline;
      }
      details.warn button:focus-visible {
        outline: 2px solid var(--pd-focus);
      }
      .row {
        border-bottom: 1px solid #edf0f4;
      }
      /* Long plans: the rows outside the window stand as two empty boxes of their height. */
      .gap {
        contain: strict;
        overflow-anchor: none;
      }
      .row.current {
        outline: 2px solid var(--pd-focus);
        outline-offset: -2px;
        position: relative;
        z-index: 1;
      }
      .cell:focus {
        outline: none;
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
        color: #4a5666;
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
        color: var(--pd-muted);
        border-left: 1px solid #edf0f4;
        border-right: 1px solid #edf0f4;
      }
      .dot {
        width: 10px;
        height: 10px;
        border-radius: 50%;
        background: var(--pd-border-strong);
      }
      .foldmark {
        position: relative;
      }
      .fold {
        all: unset;
        font-size: 12px;
        line-height: 1;
        padding: 2px 4px;
        border-radius: 4px;
        color: var(--pd-muted);
        cursor: help;
      }
      .fold:focus-visible {
        outline: 2px solid var(--pd-focus);
      }
      /* The fold mark's explanation: shown on hover and on focus, dismissed by Escape (WCAG 1.4.13). */
      .tip {
        display: none;
        position: absolute;
        z-index: 6;
        top: calc(100% + 4px);
        left: 50%;
        transform: translateX(-50%);
        width: max-content;
        max-width: 240px;
        padding: 5px 8px;
        border-radius: 6px;
        background: var(--pd-text);
        color: var(--pd-surface);
        font-size: 12px;
        line-height: 1.4;
        white-space: normal;
        text-align: left;
        box-shadow: var(--pd-shadow);
      }
      .foldmark:hover .tip,
      .fold:focus + .tip {
        display: block;
      }
      .foldmark.dismissed .tip {
        display: none;
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
      .row.s-dropped .cell.a,
      .inline .row.s-dropped .cell {
        background: var(--pd-dropped-bg);
      }
      .row.s-dropped .dot {
        background: var(--pd-dropped);
      }
      .row.s-added .cell.b,
      .inline .row.s-added .cell {
        background: var(--pd-added-bg);
      }
      .row.s-added .dot {
        background: var(--pd-added);
      }
      /* The clause (or the header line) a followed reading warning is about (over its status colour). */
      .pane .row .cell.warned,
      .head .warned {
        background: #fff1c2;
        box-shadow: inset 4px 0 0 #b7791f;
      }
      del {
        background: var(--pd-del-bg);
        color: #7a1616;
        text-decoration: line-through;
        text-decoration-color: rgba(122, 22, 22, 0.6);
        border-radius: 2px;
      }
      ins {
        background: var(--pd-ins-bg);
        color: #124a28;
        text-decoration: none;
        border-radius: 2px;
      }
      .block del,
      .block ins {
        display: block;
        padding: 2px 4px;
        margin: 2px 0;
      }
      mark {
        background: #ffe27a;
        color: inherit;
        border-radius: 2px;
        box-shadow: 0 0 0 1px #b7791f;
      }
      mark.current {
        background: #ff9f1c;
        box-shadow: 0 0 0 2px #7a4500;
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
      .rev {
        white-space: normal;
        margin-top: 4px;
      }
      .minimap {
        position: relative;
        border-left: 1px solid var(--pd-border);
        background: #f6f8fb;
        cursor: pointer;
        contain: strict;
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
        top: 0;
        border: 1px solid rgba(15, 42, 68, 0.45);
        background: rgba(15, 42, 68, 0.08);
        pointer-events: none;
        /* moved by transform on its own layer: scrolling repaints neither the marks nor the rows */
        will-change: transform;
      }
      .none {
        padding: 30px;
        text-align: center;
        color: var(--pd-muted);
      }
      .hint {
        font-size: 12px;
        color: var(--pd-muted);
      }
      @media (max-width: 900px) {
        .layout {
          grid-template-columns: minmax(0, 1fr) 14px;
        }
        .changes {
          display: none;
        }
        .search input {
          width: 140px;
        }
      }
      @media (max-width: 600px) {
        .head,
        .row {
          grid-template-columns: minmax(0, 1fr) 20px minmax(0, 1fr);
        }
        .cell {
          padding: 6px 6px 6px calc(6px + var(--depth, 0) * 6px);
        }
      }
      @media print {
        .bar button,
        .bar .seg,
        .bar .search,
        .bar details,
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
        .row {
          break-inside: avoid;
        }
        .gap {
          display: none;
        }
        .tip {
          display: none !important;
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
  /** Kinds of difference the rows were built ignoring (the "ignore …" toggles show them). */
  @property({ attribute: false }) ignore: readonly FoldKind[] = FOLD_KINDS;
  /** A reading warning to show (from the address): its side and where it starts in that plan's text. */
  @property({ attribute: false }) warning: WarningRef | null = null;
  /** Language of the labels. */
  @property() locale: Lang = 'vi';
  /** The comparison's alignments, in the rows' order (their review ids); none: no review controls. */
  @property({ attribute: false }) alignments: readonly Alignment[] = [];
  /** Review decisions of the pair by item id; null when they cannot be kept (no server, an upload). */
  @property({ attribute: false }) decisions: ReadonlyMap<string, DecisionView> | null = null;

  /** Review drafts being typed, by item id. */
  @state() private drafts: Record<string, ReviewDraft> = {};
  /** Statuses picked by their chips (none: every status). */
  @state() private statuses: ReadonlySet<RowStatus> = new Set();
  @state() private substantiveOnly = false;
  @state() private layout: Layout = 'side';
  @state() private queryText = '';
  @state() private searchSide: SearchSide = 'both';
  /** Position of the current hit in `hits`. */
  @state() private hitAt = -1;
  /** Alignment index of the current row. */
  @state() private current: number | null = null;
  /** What the last copy did (spoken by the live region). */
  @state() private copyStatus = '';
  /** Positions in `shown` of the rows in the page (all of them up to WINDOW_ROWS rows). */
  @state() private win: RowRange = { start: 0, end: 0 };
  /** Every row is drawn while the page prints. */
  @state() private printing = false;
  /** The reading warning followed last: the row it points at (null: the header) and its code. */
  @state() private warned: { side: 'a' | 'b'; index: number | null; code: string } | null = null;
  /** The fold mark whose explanation Escape closed (until it loses focus). */
  @state() private dismissedTip: number | null = null;

  @query('.pane') private pane!: HTMLElement;
  @query('.viewport') private viewportEl!: HTMLElement;
  @query('input[type="search"]') private searchInput!: HTMLInputElement;

  private shown: DiffRow[] = [];
  /** The clause alignments' review items, by alignment index. */
  private items: ReviewItem[] = [];
  /** The changed rows among `shown`, and the minimap's marks: rebuilt with `shown` only. */
  private changes: DiffRow[] = [];
  private marks: ReturnType<typeof minimapMarks> = [];
  private hits: SearchHit[] = [];
  private hitsByRow = new Map<number, SearchHit[]>();
  private scrollPending = false;
  /**
   * The row gone to (a deep link, a warning, n/p, a search hit) while the user has not scrolled
   * since: rows measured after the jump change the offsets of the rows above it, so the pane is
   * centred on it again instead of letting the window drift to rows the estimates put there.
   */
  private anchored: number | null = null;
  private readonly onUserScroll = (): void => {
    this.anchored = null;
  };
  /** Focus goes to the followed warning's place once it is drawn. */
  private focusWarned = false;
  private viewportFrame = 0;
  /** Measured heights of rows drawn so far, by alignment index (for this layout and width). */
  private readonly heights = new Map<number, number>();
  /** How far the estimates were off for the first rows measured (measured / estimated). */
  private scale: number | null = null;
  /** Where each row of `shown` starts below the header (measured or estimated heights). */
  private offsets: Float64Array = new Float64Array(1);
  private offsetsStale = true;
  private headPx = 0;
  private paneWidth = 0;
  private readonly observed = new Set<Element>();
  private readonly sizes = new ResizeObserver((entries) => this.handleSizes(entries));
  private readonly printQuery = matchMedia('print');
  private readonly onKey = (e: KeyboardEvent): void => this.handleKey(e);
  private readonly onPrint = (on: boolean): void => {
    if (this.printing === on) return;
    this.printing = on;
    // drawn at once: the page is laid out for print right after this event
    if (on) this.performUpdate();
  };
  private readonly onBeforePrint = (): void => this.onPrint(true);
  private readonly onAfterPrint = (): void => this.onPrint(this.printQuery.matches);
  private readonly onPrintQuery = (e: MediaQueryListEvent): void => this.onPrint(e.matches);

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('keydown', this.onKey);
    window.addEventListener('beforeprint', this.onBeforePrint);
    window.addEventListener('afterprint', this.onAfterPrint);
    this.printQuery.addEventListener('change', this.onPrintQuery);
    // moved in the page: watch the pane again (disconnecting stopped every observation)
    if (this.hasUpdated) this.observeFrame();
  }

  override disconnectedCallback(): void {
    document.removeEventListener('keydown', this.onKey);
    window.removeEventListener('beforeprint', this.onBeforePrint);
    window.removeEventListener('afterprint', this.onAfterPrint);
    this.printQuery.removeEventListener('change', this.onPrintQuery);
    cancelAnimationFrame(this.viewportFrame);
    this.sizes.disconnect();
    this.observed.clear();
    super.disconnectedCallback();
  }

  /** The rows shown changed (a filter, new rows): what is derived from them follows. */
  private reshow(rows: DiffRow[]): void {
    this.shown = rows;
    this.changes = rows.filter((r) => r.changed);
    this.marks = minimapMarks(rows);
    this.offsetsStale = true;
  }

  /** Only a window of the rows is in the page: a long diff, not being printed. */
  private get windowed(): boolean {
    return this.shown.length > WINDOW_ROWS && !this.printing;
  }

  /** Guesses of row heights for the pane's width and the layout (refined by `scale` once rows are measured). */
  private estimate(): RowEstimate {
    const width = this.paneWidth || 900;
    const column = this.layout === 'inline' ? width - 34 - 24 : (width - 34) / 2 - 24;
    return { charsPerLine: Math.max(10, column / 7.2), linePx: 21.7, padPx: 13, tagsPx: 23 };
  }

  private computeOffsets(): void {
    const est = this.estimate();
    const scale = this.scale ?? 1;
    this.offsets = rowOffsets(this.shown.map((r) => this.heights.get(r.index) ?? estimateRowHeight(r, est) * scale));
    this.offsetsStale = false;
  }

  /** The window for a pane scrolled to `scrollTop`. */
  private windowAt(scrollTop: number): RowRange {
    if (this.offsetsStale) this.computeOffsets();
    const height = this.pane?.clientHeight || 800;
    return rowWindow(this.offsets, scrollTop - this.headPx, height, OVERSCAN, CHUNK);
  }

  /** Moves the window to the pane's scroll position; re-renders only when it changed. */
  private followScroll(): void {
    if (!this.windowed || !this.pane) return;
    const next = this.windowAt(this.pane.scrollTop);
    if (next.start !== this.win.start || next.end !== this.win.end) this.win = next;
  }

  /** Heights measured by the browser: rows drawn (kept for when they leave the window), the header, the pane's width. */
  private handleSizes(entries: ResizeObserverEntry[]): void {
    let changed = false;
    for (const e of entries) {
      const el = e.target as HTMLElement;
      const box = e.borderBoxSize[0];
      if (!box) continue;
      if (el === this.pane) {
        if (Math.abs(box.inlineSize - this.paneWidth) > 1) {
          this.paneWidth = box.inlineSize;
          this.resetHeights();
          changed = true;
        }
      } else if (el.classList.contains('head')) {
        if (box.blockSize !== this.headPx) {
          this.headPx = box.blockSize;
          changed = true;
        }
      } else if (el.isConnected && el.dataset.index !== undefined) {
        const index = Number(el.dataset.index);
        if (this.heights.get(index) !== box.blockSize) {
          this.heights.set(index, box.blockSize);
          this.offsetsStale = true;
        }
      }
    }
    if (this.scale === null && this.heights.size >= CHUNK) {
      // the first rows measured say how far the guesses are off: the rest are scaled once, so the spacers do not creep
      const est = this.estimate();
      let measured = 0;
      let guessed = 0;
      for (const r of this.shown) {
        const h = this.heights.get(r.index);
        if (h === undefined) continue;
        measured += h;
        guessed += estimateRowHeight(r, est);
      }
      if (guessed > 0) this.scale = measured / guessed;
      changed = true;
    }
    if (changed) this.offsetsStale = true;
    if (!this.windowed || !(changed || this.offsetsStale)) return;
    if (this.anchored !== null && this.anchored === this.current) {
      // keep the row gone to in the middle: the window is put around it again and the pane centred
      this.scrollPending = true;
      this.requestUpdate();
    } else if (changed) {
      this.requestUpdate();
      this.followScroll();
    }
  }

  /** Forgets measured heights (the width or the layout changed). */
  private resetHeights(): void {
    this.heights.clear();
    this.scale = null;
    this.offsetsStale = true;
  }

  /** Watches the sizes of the rows in the page, and stops watching those that left it. */
  private observeRows(): void {
    for (const el of this.observed) {
      if (!el.isConnected) {
        this.sizes.unobserve(el);
        this.observed.delete(el);
      }
    }
    if (!this.windowed) return;
    for (const el of this.renderRoot.querySelectorAll('.row')) {
      if (this.observed.has(el)) continue;
      this.sizes.observe(el);
      this.observed.add(el);
    }
  }

  protected override firstUpdated(): void {
    this.observeFrame();
  }

  /** Watches the pane's width and the header's height. */
  private observeFrame(): void {
    this.sizes.observe(this.pane);
    const head = this.renderRoot.querySelector('.head');
    if (head) this.sizes.observe(head);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('alignments')) this.items = this.alignments.length ? reviewItems({ alignments: [...this.alignments], targets: [] }) : [];
    if (changed.has('rows') && !this.clause) this.current = null;
    if (changed.has('rows') || changed.has('layout') || changed.has('locale')) this.resetHeights();
    if (changed.has('rows') || changed.has('statuses') || changed.has('substantiveOnly')) {
      this.reshow(pickRows(this.rows, { statuses: this.statuses, substantiveOnly: this.substantiveOnly }));
    }
    if ((changed.has('clause') || changed.has('rows')) && this.clause) {
      const row = rowOfClause(this.rows, this.clause);
      if (row && row.index !== this.current) {
        this.current = row.index;
        if (!this.shown.includes(row)) {
          this.statuses = new Set();
          this.substantiveOnly = false;
          this.reshow([...this.rows]);
        }
        this.scrollPending = true;
      }
    }
    if (changed.has('rows') || changed.has('statuses') || changed.has('substantiveOnly') || changed.has('queryText') || changed.has('searchSide')) {
      this.hits = searchRows(this.shown, this.queryText, this.searchSide);
      this.hitsByRow = new Map();
      for (const h of this.hits) {
        const list = this.hitsByRow.get(h.index);
        if (list) list.push(h);
        else this.hitsByRow.set(h.index, [h]);
      }
      if (this.hitAt >= this.hits.length) this.hitAt = -1;
    }
    if ((changed.has('warning') || changed.has('rows')) && this.warning && this.rows.length) this.followWarningRef(this.warning);
    const reshown = changed.has('rows') || changed.has('statuses') || changed.has('substantiveOnly') || changed.has('printing') || changed.has('layout');
    if (!this.windowed) {
      if (this.win.start !== 0 || this.win.end !== this.shown.length) this.win = { start: 0, end: this.shown.length };
    } else if (this.scrollPending && this.current !== null) {
      // going to a row: the window is put around it first, so that it is in the page to scroll to
      const at = this.shown.findIndex((r) => r.index === this.current);
      if (at >= 0 && (reshown || at < this.win.start || at >= this.win.end)) {
        if (this.offsetsStale) this.computeOffsets();
        this.win = this.windowAt((this.offsets[at] as number) + this.headPx - (this.pane?.clientHeight || 800) / 2);
      }
    } else if (reshown) this.win = this.windowAt(this.pane?.scrollTop ?? 0);
  }

  protected override updated(): void {
    this.observeRows();
    if (this.scrollPending) {
      this.scrollPending = false;
      this.scrollToCurrent();
    }
    if (this.focusWarned) {
      this.focusWarned = false;
      const w = this.warned;
      const target = w?.index === null ? `[data-testid="diff-head-${w.side}"]` : '.cell.warned';
      this.renderRoot.querySelector<HTMLElement>(target)?.focus({ preventScroll: true });
    }
    this.moveViewport();
  }

  /** Moves to the next (1) or previous (-1) row of the chosen statuses (the next change when none is chosen). */
  step(dir: 1 | -1): void {
    const pick = { statuses: this.statuses, substantiveOnly: this.substantiveOnly };
    const row = stepChange(this.shown, this.current, dir, stopsAt(pick));
    if (row) this.goTo(row);
  }

  /** Moves to the next (1) or previous (-1) search hit, wrapping around. */
  stepHit(dir: 1 | -1): void {
    if (!this.hits.length) return;
    const n = this.hits.length;
    this.hitAt = this.hitAt < 0 ? (dir === 1 ? 0 : n - 1) : (this.hitAt + dir + n) % n;
    const hit = this.hits[this.hitAt] as SearchHit;
    const row = this.shown.find((r) => r.index === hit.index);
    if (row) this.goTo(row, { side: hit.side, id: (row[hit.side] as DiffCell).id });
  }

  private goTo(row: DiffRow, clause: ClauseRef = clauseOfRow(row)): void {
    this.warned = null;
    this.current = row.index;
    this.scrollPending = true;
    emit(this, 'pd-clause-focus', { clause });
  }

  private scrollToCurrent(): void {
    const el = this.renderRoot.querySelector<HTMLElement>(`[data-index="${this.current}"]`);
    if (!el || !this.pane) return;
    this.anchored = this.current;
    // Scroll the pane only (scrollIntoView would scroll the page too). In a long plan rows off
    // screen have estimated heights until drawn, so centre again until the row stays put.
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
    } else if (e.key === '/') {
      e.preventDefault();
      this.searchInput?.focus();
    }
  }

  private handleSearchKey(e: KeyboardEvent): void {
    if (e.key === 'Enter') {
      e.preventDefault();
      this.stepHit(e.shiftKey ? -1 : 1);
    } else if (e.key === 'Escape') {
      this.queryText = '';
      this.hitAt = -1;
    }
  }

  /**
   * In the frame after a scroll: the window follows the pane (a re-render of the rows only, when a
   * block of rows has passed) and the minimap's viewport moves by a style write.
   */
  private moveViewport(): void {
    if (this.viewportFrame) return;
    this.viewportFrame = requestAnimationFrame(() => {
      this.viewportFrame = 0;
      this.followScroll();
      const p = this.pane;
      const v = this.viewportEl;
      const map = v?.parentElement;
      if (!p || !v || !map || !p.scrollHeight) return;
      const h = map.clientHeight;
      const height = `${((h * Math.min(1, p.clientHeight / p.scrollHeight)) | 0) + 1}px`;
      if (v.style.height !== height) v.style.height = height;
      v.style.transform = `translateY(${((h * p.scrollTop) / p.scrollHeight).toFixed(1)}px)`;
    });
  }

  private handleMinimap(e: MouseEvent): void {
    const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
    const at = (e.clientY - box.top) / box.height;
    this.pane.scrollTop = at * this.pane.scrollHeight - this.pane.clientHeight / 2;
  }

  private toggleStatus(s: RowStatus): void {
    const next = new Set(this.statuses);
    if (next.has(s)) next.delete(s);
    else next.add(s);
    this.statuses = next;
  }

  private toggleIgnore(kind: FoldKind, on: boolean): void {
    const next = FOLD_KINDS.filter((k) => (k === kind ? on : this.ignore.includes(k)));
    emit(this, 'pd-diff-ignore', { ignore: next });
  }

  private currentRow(): DiffRow | null {
    return this.current === null ? null : (this.rows[this.current] ?? null);
  }

  private async handleCopy(what: 'text' | 'link'): Promise<void> {
    const row = this.currentRow();
    if (!row) return;
    let text: string;
    if (what === 'text') text = [row.a ? `A ${row.a.id}: ${cellText(row.a)}` : '', row.b ? `B ${row.b.id}: ${cellText(row.b)}` : ''].filter(Boolean).join('\n');
    else {
      const hash = formatRoute({ view: 'diff', a: this.docA?.file ?? null, b: this.docB?.file ?? null, clause: clauseOfRow(row) });
      text = `${location.href.split('#')[0]}${hash}`;
    }
    const ok = await copyText(text);
    this.copyStatus = t(this.locale, ok ? 'diff.copied' : 'diff.copyFailed');
  }

  /**
   * Follows a reading warning: scrolls to the clause it is about and highlights that side's cell (or,
   * for a number or a date of the header, the header's line), which takes the focus.
   */
  private jumpToWarning(side: 'a' | 'b', w: Warning): void {
    const row = rowOfWarning(this.rows, side, w);
    if (!row) {
      if (this.pane) this.pane.scrollTop = 0;
      this.warned = { side, index: null, code: w.code };
      this.focusWarned = true;
      return;
    }
    if (!this.shown.includes(row)) {
      this.statuses = new Set();
      this.substantiveOnly = false;
      this.reshow([...this.rows]);
    }
    this.goTo(row, { side, id: (row[side] as DiffCell).id });
    this.warned = { side, index: row.index, code: w.code };
    this.focusWarned = true;
  }

  /** A warning named by the address: the one of that side's plan starting there (ignored when the plan has none). */
  private followWarningRef(ref: WarningRef): void {
    const doc = ref.side === 'a' ? this.docA : this.docB;
    const w = doc?.warnings?.find((x) => x.span?.[0] === ref.at);
    if (!w) return;
    const row = rowOfWarning(this.rows, ref.side, w);
    // a clause named beside it wins unless it is the warning's own (the address keeps both once the view moved on)
    if (this.clause && !(row && row[this.clause.side]?.id === this.clause.id)) return;
    this.jumpToWarning(ref.side, w);
  }

  private renderSegments(segs: readonly Segment[], hits: Array<{ start: number; end: number; current: boolean }>, skip: Segment['mark'] | null = null) {
    return markHits(segs, hits, skip).map((s) => {
      const text = s.hit === 'none' ? s.text : html`<mark class=${s.hit === 'current' ? 'current' : ''}>${s.text}</mark>`;
      return s.mark === 'del' ? html`<del>${text}</del>` : s.mark === 'ins' ? html`<ins>${text}</ins>` : text;
    });
  }

  private hitsOf(r: DiffRow, side: 'a' | 'b') {
    const list = this.hitsByRow.get(r.index);
    if (!list) return [];
    const cur = this.hits[this.hitAt];
    return list.filter((h) => h.side === side).map((h) => ({ start: h.start, end: h.end, current: h === cur }));
  }

  /** The cell a followed warning is about: highlighted, and focusable so the focus can land on it. */
  private isWarned(r: DiffRow, side: 'a' | 'b'): boolean {
    return this.warned !== null && this.warned.index === r.index && this.warned.side === side;
  }

  private renderCell(r: DiffRow, c: DiffCell | null, side: 'a' | 'b', extra: unknown = nothing) {
    if (!c) return html`<div class="cell ${side} empty" aria-hidden="true"></div>`;
    const warned = this.isWarned(r, side);
    return html`<div
      class="cell ${side} ${r.block ? 'block' : ''} ${warned ? 'warned' : ''}"
      style="--depth:${Math.min(c.depth, 6)}"
      data-warned=${warned ? this.warned?.code ?? '' : nothing}
      tabindex=${warned ? '-1' : nothing}
    ><span class="cid">${c.id}</span>${this.renderSegments(
      c.segments,
      this.hitsOf(r, side),
    )}${extra}</div>`;
  }

  private foldTitle(r: DiffRow): string {
    const lang = this.locale;
    if (!r.folded) return t(lang, 'diff.foldedUnknown');
    return t(lang, 'diff.folded', { kinds: r.folded.map((k) => t(lang, `fold.${k}` as MessageKey)).join(', ') });
  }

  private renderTags(r: DiffRow) {
    const lang = this.locale;
    if (r.status === 'identical') return nothing;
    return html`<div class="tags">
      ${r.nature ? html`<span class="chip ${r.nature === 'cosmetic' ? 'identical' : 'modified'}">${t(lang, r.nature)}</span>` : nothing}
      ${r.swaps.length
        ? html`<span class="chip modified" data-testid="swap-mark" title=${t(lang, 'diff.swaps', { words: r.swaps.map((w) => `${w.a} → ${w.b}`).join(', ') })}
            >${r.swaps.map((w) => `${w.a} → ${w.b}`).join(', ')}</span
          >`
        : nothing}
      ${r.block ? html`<span class="chip" data-testid="block-mark" title=${t(lang, 'diff.blockTitle', { value: formatNumber(lang, BLOCK_REPLACE_BELOW, 1) })}>${t(lang, 'diff.block')}</span>` : nothing}
      ${r.moved && r.base === 'modified' ? html`<span class="chip modified">${rowStatusLabel(lang, 'modified')}</span>` : nothing}
      ${r.group ? html`<span class="chip">${t(lang, r.group)}</span>` : nothing}
      ${r.similarity !== null && r.base !== 'identical' ? html`<span class="chip">${t(lang, 'similarity', { value: formatNumber(lang, r.similarity, 2) })}</span>` : nothing}
    </div>`;
  }

  private renderMid(r: DiffRow) {
    const lang = this.locale;
    const folded = r.status === 'identical' && (r.folded === null || r.folded.length > 0);
    // The "≈" is a button: reached by Tab, its explanation is a tooltip shown on hover and on focus,
    // tied to it by aria-describedby, closed by Escape.
    const tip = `fold-tip-${r.index}`;
    return html`<div class="mid" title=${rowStatusLabel(lang, r.status)}>
      <span class="dot"></span>
      ${folded
        ? html`<span class="foldmark ${this.dismissedTip === r.index ? 'dismissed' : ''}"
            ><button
              class="fold"
              data-testid="fold-mark"
              data-kinds=${(r.folded ?? []).join(' ')}
              aria-label=${t(lang, 'diff.foldMark')}
              aria-describedby=${tip}
              @keydown=${(e: KeyboardEvent) => {
                if (e.key === 'Escape') this.dismissedTip = r.index;
              }}
              @blur=${() => {
                if (this.dismissedTip === r.index) this.dismissedTip = null;
              }}
            >
              ≈</button
            ><span class="tip" role="tooltip" id=${tip} data-testid="fold-tip">${this.foldTitle(r)}</span></span
          >`
        : nothing}
    </div>`;
  }

  /** What a row's drawing depends on: a row whose values are the same is not evaluated again (the window moving re-renders only the rows that come in). */
  private rowDeps(r: DiffRow): unknown[] {
    const hits = this.hitsByRow.get(r.index) ?? null;
    const cur = this.hits[this.hitAt];
    const item = r.changed ? this.items[r.index] : undefined;
    const review = item ? [item, this.decisions !== null, this.decisions?.get(item.id), this.drafts[item.id]] : null;
    return [r, this.layout, this.locale, r.index === this.current, this.warned?.index === r.index ? this.warned : null, hits, hits && cur && hits.includes(cur) ? cur : null, this.dismissedTip === r.index, ...(review ?? [null, null, null, null])];
  }

  /** A changed row's review control (its clause alignment's decision and, when kept, the form). */
  private renderReview(r: DiffRow) {
    const item = r.changed ? this.items[r.index] : undefined;
    if (!item) return nothing;
    const d = this.decisions?.get(item.id) ?? null;
    if (!d && this.decisions === null) return nothing;
    // a click in the form is not a click on the row (which would move to it and scroll)
    return html`<pd-review-mark
      class="rev"
      scope="clause-"
      kind="clause"
      data-item=${item.id}
      .itemId=${item.id}
      .itemText=${item.text}
      .subject=${item.label}
      .decision=${d}
      .editable=${this.decisions !== null}
      .draft=${draftOf(this.drafts, item.id, d)}
      .locale=${this.locale}
      @click=${(e: Event) => e.stopPropagation()}
      @pd-review-draft=${(e: CustomEvent<ReviewDraftDetail>) => (this.drafts = withDraft(this.drafts, e.detail))}
    ></pd-review-mark>`;
  }

  private renderRow(r: DiffRow) {
    const attrs = (body: unknown) => html`<div
      class="row s-${r.status} ${r.index === this.current ? 'current' : ''}"
      data-testid="diff-row"
      data-status=${r.status}
      data-base=${r.base}
      data-index=${r.index}
      data-a=${r.a?.id ?? ''}
      data-b=${r.b?.id ?? ''}
      @click=${() => this.goTo(r)}
    >
      ${body}
    </div>`;
    if (this.layout === 'inline') {
      const ids = r.a && r.b && r.a.id !== r.b.id ? `${r.a.id} → ${r.b.id}` : (r.b ?? r.a)?.id;
      const depth = (r.b ?? r.a)?.depth ?? 0;
      // B's text is the inline column without its deletions: B's hits are marked there (A's only side by side).
      const hits = r.b ? this.hitsOf(r, 'b') : this.hitsOf(r, 'a');
      return attrs(html`${this.renderMid(r)}
        <div class="cell ${r.block ? 'block' : ''}" style="--depth:${Math.min(depth, 6)}"><span class="cid">${ids}</span>${this.renderSegments(
          unifiedSegments(r),
          hits,
          r.b ? 'del' : null,
        )}${this.renderTags(r)}${this.renderReview(r)}</div>`);
    }
    // a dropped clause's control sits in A's cell (B's is empty)
    const review = this.renderReview(r);
    return attrs(
      html`${this.renderCell(r, r.a, 'a', r.b ? nothing : review)}${this.renderMid(r)}${this.renderCell(r, r.b, 'b', html`${this.renderTags(r)}${r.b ? review : nothing}`)}`,
    );
  }

  private renderWarnings(d: Doc, side: 'a' | 'b') {
    const lang = this.locale;
    if (!d.warnings?.length) return nothing;
    return html`<details class="warn" data-testid="diff-warnings-${side}">
      <summary>⚠ ${t(lang, 'diff.warnings', { count: d.warnings.length })}</summary>
      <ul>
        ${d.warnings.map((w) => {
          const row = rowOfWarning(this.rows, side, w);
          const where = row ? (row[side] as DiffCell).id : t(lang, 'diff.warningHead');
          return html`<li data-code=${w.code}>${w.message} — <button data-testid="warning-link" @click=${() => this.jumpToWarning(side, w)}>${where}</button></li>`;
        })}
      </ul>
    </details>`;
  }

  private renderDocHead(d: Doc | null, side: 'a' | 'b') {
    if (!d) return html`<div class="side-${side}"></div>`;
    const ident = d.symbol ? `${d.number ?? '…'}/${d.symbol}` : null;
    const meta = [side === 'a' ? 'A' : 'B', d.issuer, ident, d.date].filter(Boolean).join(' · ');
    // a warning of the header (its number or its date read several ways) is about this line
    const warned = this.warned !== null && this.warned.index === null && this.warned.side === side;
    return html`<div class="side-${side}" data-testid="diff-head-${side}" tabindex="-1">
      <span class="doc-title">${d.title ?? d.file ?? '—'}</span>
      <span
        class="doc-meta ${warned ? 'warned' : ''}"
        data-testid="diff-head-meta-${side}"
        data-warned=${warned ? this.warned?.code ?? '' : nothing}
        >${meta}</span
      >
      ${this.renderWarnings(d, side)}
    </div>`;
  }

  private renderSearch() {
    const lang = this.locale;
    const n = this.hits.length;
    const count = !this.queryText.trim() ? '' : n ? t(lang, 'diff.hits', { current: this.hitAt < 0 ? 0 : this.hitAt + 1, total: n }) : t(lang, 'diff.noHits');
    return html`<div class="search" role="search">
      <input
        type="search"
        data-testid="diff-search"
        aria-label=${t(lang, 'diff.search')}
        placeholder=${t(lang, 'diff.searchPlaceholder')}
        .value=${this.queryText}
        @input=${(e: Event) => {
          this.queryText = (e.target as HTMLInputElement).value;
          this.hitAt = -1;
        }}
        @keydown=${this.handleSearchKey}
      />
      <select aria-label=${t(lang, 'diff.search')} data-testid="diff-search-side" @change=${(e: Event) => (this.searchSide = (e.target as HTMLSelectElement).value as SearchSide)}>
        ${SIDES.map((s) => html`<option value=${s} ?selected=${this.searchSide === s}>${t(lang, `diff.side.${s}` as MessageKey)}</option>`)}
      </select>
      <span class="hits" data-testid="diff-hits" data-total=${n} aria-live="polite">${count}</span>
      <button data-testid="prev-hit" title=${t(lang, 'diff.prevHit')} aria-label=${t(lang, 'diff.prevHit')} ?disabled=${!n} @click=${() => this.stepHit(-1)}>‹</button>
      <button data-testid="next-hit" title=${t(lang, 'diff.nextHit')} aria-label=${t(lang, 'diff.nextHit')} ?disabled=${!n} @click=${() => this.stepHit(1)}>›</button>
    </div>`;
  }

  private renderIgnore() {
    const lang = this.locale;
    return html`<details class="ignore" data-testid="diff-ignore">
      <summary>${t(lang, 'diff.ignore')}</summary>
      <div class="menu">
        ${FOLD_KINDS.map(
          (k) => html`<label class="check"
            ><input
              type="checkbox"
              data-testid="ignore-${k}"
              .checked=${this.ignore.includes(k)}
              @change=${(e: Event) => this.toggleIgnore(k, (e.target as HTMLInputElement).checked)}
            />${t(lang, `fold.${k}` as MessageKey)}</label
          >`,
        )}
      </div>
    </details>`;
  }

  /** The change list: an item per changed row (an item whose row and state are the same is not evaluated again). */
  private renderChangeList(changes: readonly DiffRow[]) {
    const lang = this.locale;
    if (!changes.length) return html`<p class="none">${t(lang, 'noChanges')}</p>`;
    return html`<ol data-testid="change-list">
      ${repeat(
        changes,
        (r) => r.index,
        (r) =>
          guard([r, r.index === this.current, lang], () => {
            const c = r.b ?? r.a;
            return html`<li>
              <button class="s-${r.status} ${r.index === this.current ? 'current' : ''}" @click=${() => this.goTo(r)}>
                <span class="chip ${r.status}">${rowStatusLabel(lang, r.status)}</span>
                <span class="cid mono">${c?.id}</span>
                <span class="snip">${clip(cellText(c ?? null), 80)}</span>
              </button>
            </li>`;
          }),
      )}
    </ol>`;
  }

  override render() {
    const lang = this.locale;
    const counts = diffCounts(this.rows);
    const shown = this.shown;
    const changes = this.changes;
    const row = this.currentRow();
    // the rows in the page: all of them, or the window (whole blocks of CHUNK) between two spacers
    const { start, end } = this.win;
    if (this.windowed && this.offsetsStale) this.computeOffsets();
    const above = this.windowed ? (this.offsets[start] ?? 0) : 0;
    const below = this.windowed ? (this.offsets[shown.length] ?? 0) - (this.offsets[end] ?? 0) : 0;
    const chunks: DiffRow[][] = [];
    for (let k = start; k < end; k += CHUNK) chunks.push(shown.slice(k, Math.min(end, k + CHUNK)));
    return html`
      <div class="bar">
        <div class="counts" role="group" aria-label=${t(lang, 'diff.statuses')} data-testid="diff-summary" data-total=${counts.total}>
          ${ROW_STATUSES.map(
            (s) => html`<button
              class="chip ${s}"
              data-testid="diff-count-${s}"
              data-count=${counts[s]}
              aria-pressed=${this.statuses.has(s)}
              @click=${() => this.toggleStatus(s)}
            >
              ${rowStatusLabel(lang, s)} ${counts[s]}
            </button>`,
          )}
          <button data-testid="diff-filter-substantive" aria-pressed=${this.substantiveOnly} @click=${() => (this.substantiveOnly = !this.substantiveOnly)}>
            ${t(lang, 'filter.substantive')}
          </button>
          ${this.statuses.size || this.substantiveOnly
            ? html`<button
                class="ghost"
                data-testid="diff-filter-all"
                @click=${() => {
                  this.statuses = new Set();
                  this.substantiveOnly = false;
                }}
              >
                ${t(lang, 'filter.all')}
              </button>`
            : nothing}
          <span class="status" data-testid="diff-shown" data-shown=${shown.length}>${t(lang, 'diff.rowsShown', { shown: shown.length, total: counts.total })}</span>
        </div>
        <span class="spacer"></span>
        ${this.renderSearch()}
        <button data-testid="prev-change" title=${t(lang, 'prevChange')} aria-label=${t(lang, 'prevChange')} @click=${() => this.step(-1)}>↑</button>
        <button data-testid="next-change" title=${t(lang, 'nextChange')} aria-label=${t(lang, 'nextChange')} @click=${() => this.step(1)}>↓</button>
        <div class="seg" role="group" aria-label=${t(lang, 'diff.layout')}>
          ${(['side', 'inline'] as const).map(
            (l) => html`<button data-testid="layout-${l}" aria-pressed=${this.layout === l} @click=${() => (this.layout = l)}>${t(lang, `diff.layout.${l}`)}</button>`,
          )}
        </div>
        ${this.renderIgnore()}
        <button data-testid="copy-text" ?disabled=${!row} @click=${() => void this.handleCopy('text')}>${t(lang, 'diff.copyText')}</button>
        <button data-testid="copy-link" ?disabled=${!row} @click=${() => void this.handleCopy('link')}>${t(lang, 'copyLink')}</button>
        <span class="status" role="status" data-testid="copy-status">${this.copyStatus}</span>
        <button @click=${() => window.print()}>${t(lang, 'print')}</button>
      </div>
      <div class="layout">
        <nav class="changes" aria-label=${t(lang, 'changeList')}>
          <h3>${t(lang, 'changeList')} (${changes.length})</h3>
          ${guard([changes, this.current, lang], () => this.renderChangeList(changes))}
        </nav>
        <div
          class="pane ${this.layout}"
          data-testid="diff-pane"
          data-window=${`${start}-${end}`}
          tabindex="0"
          role="region"
          aria-label=${t(lang, 'diff.pane')}
          @scroll=${this.moveViewport}
          @wheel=${this.onUserScroll}
          @pointerdown=${this.onUserScroll}
          @touchstart=${this.onUserScroll}
          @keydown=${this.onUserScroll}
        >
          <div class="head">${this.renderDocHead(this.docA, 'a')}<div></div>${this.renderDocHead(this.docB, 'b')}</div>
          ${above > 0 ? html`<div class="gap" data-testid="diff-gap-above" style="height:${above.toFixed(0)}px"></div>` : nothing}
          ${repeat(
            chunks,
            (c) => c[0]?.index ?? -1,
            (c) => html`<div class="chunk">${repeat(
              c,
              (r) => r.index,
              (r) => guard(this.rowDeps(r), () => this.renderRow(r)),
            )}</div>`,
          )}
          ${below > 0 ? html`<div class="gap" data-testid="diff-gap-below" style="height:${below.toFixed(0)}px"></div>` : nothing}
          ${shown.length === 0 ? html`<p class="none">${t(lang, 'noChanges')}</p>` : nothing}
        </div>
        <div class="minimap" data-testid="minimap" @click=${this.handleMinimap} aria-hidden="true">
          ${guard([this.marks], () =>
            this.marks.map((m) => html`<span class="mark ${m.status}" style="top:${(m.top * 100).toFixed(3)}%;height:${(m.height * 100).toFixed(3)}%"></span>`),
          )}
          <span class="viewport"></span>
        </div>
      </div>
      <div class="bar hint">${t(lang, 'keyboardHint')}${row ? html` · ${t(lang, 'diff.current', { clause: `${clauseOfRow(row).side.toUpperCase()} ${clauseOfRow(row).id}` })}` : nothing}</div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pd-diff-view': PdDiffView;
  }
}
