/**
 * <pd-app>: the shell — header with the view tabs, upload and language switch; notices; the view
 * the address asks for. It owns the AppController, hands its data down to the views as properties
 * and passes their events to it. A file dragged anywhere over the page can be dropped to compare.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { nodePage, shortLabel } from '../../../src/view/graph-view.js';
import { t, viewLabel, type Lang } from '../../../src/view/i18n.js';
import { VIEWS, type View } from '../../../src/view/route.js';
import { AppController } from '../../app/controller.js';
import { controls } from '../../styles/shared.js';
import type { PdEvent } from '../events.js';
import type { ReusePairView } from '../node-page/node-page.js';
import '../corpus-table/corpus-table.js';
import '../diff-view/diff-view.js';
import '../fidelity-view/fidelity-view.js';
import type { ReviewEventDetail } from '../review-mark/review-mark.js';
import '../lineage-graph/lineage-graph.js';
import '../node-page/node-page.js';
import '../notice/notice.js';
import '../pair-picker/pair-picker.js';
import '../target-table/target-table.js';
import '../trends-view/trends-view.js';
import '../upload-zone/upload-zone.js';

@customElement('pd-app')
export class PdApp extends LitElement {
  static override styles = [
    controls,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 100vh;
      }
      header.top {
        position: sticky;
        top: 0;
        z-index: 20;
        display: flex;
        align-items: center;
        gap: 18px;
        padding: 0 20px;
        height: 56px;
        background: var(--pd-brand);
        color: #fff;
        box-shadow: 0 1px 0 rgba(255, 255, 255, 0.06), 0 2px 10px rgba(0, 0, 0, 0.15);
      }
      .brand {
        display: flex;
        align-items: center;
        gap: 10px;
        font-weight: 700;
        font-size: 17px;
        letter-spacing: 0.01em;
        white-space: nowrap;
        color: #fff;
        text-decoration: none;
      }
      .logo {
        width: 26px;
        height: 26px;
        border-radius: 6px;
        background: var(--pd-accent);
        display: grid;
        place-items: center;
        color: var(--pd-brand);
        font-size: 14px;
        font-weight: 800;
      }
      .tagline {
        font-weight: 400;
        font-size: 13px;
        color: #b8c7d9;
      }
      nav.tabs {
        display: flex;
        gap: 2px;
        height: 100%;
        margin-left: 8px;
      }
      nav.tabs a {
        display: flex;
        align-items: center;
        padding: 0 14px;
        color: #c9d6e5;
        text-decoration: none;
        border-bottom: 3px solid transparent;
        font-weight: 500;
        white-space: nowrap;
      }
      nav.tabs a:hover {
        color: #fff;
        background: rgba(255, 255, 255, 0.05);
      }
      nav.tabs a[aria-current='page'] {
        color: #fff;
        border-bottom-color: var(--pd-accent);
      }
      .right {
        margin-left: auto;
        display: flex;
        gap: 10px;
        align-items: center;
      }
      .lang {
        background: transparent;
        color: #fff;
        border-color: rgba(255, 255, 255, 0.35);
      }
      .lang:hover:not(:disabled) {
        background: rgba(255, 255, 255, 0.1);
        border-color: #fff;
      }
      main {
        flex: 1;
        padding: 18px 20px 8px;
        max-width: 1680px;
        width: 100%;
        margin: 0 auto;
        display: flex;
        flex-direction: column;
        gap: 14px;
      }
      .card {
        background: var(--pd-surface);
        border: 1px solid var(--pd-border);
        border-radius: var(--pd-radius);
        box-shadow: var(--pd-shadow);
      }
      .card.pad {
        padding: 14px 16px;
      }
      .view-head {
        display: flex;
        align-items: baseline;
        gap: 12px;
      }
      .view-head h1 {
        margin: 0;
        font-size: 20px;
      }
      .view-head .sub {
        color: var(--pd-muted);
      }
      .lineage {
        display: grid;
        grid-template-columns: minmax(0, 1fr) 360px;
        gap: 14px;
        height: calc(100vh - 150px);
        min-height: 480px;
      }
      .lineage .card {
        overflow: hidden;
        display: flex;
        flex-direction: column;
      }
      .lineage .side {
        overflow: auto;
      }
      pd-lineage-graph {
        flex: 1;
      }
      .notices {
        display: flex;
        flex-direction: column;
        gap: 8px;
      }
      .notices .n {
        display: flex;
        gap: 10px;
        align-items: center;
        padding: 10px 14px;
        border-radius: var(--pd-radius);
        border: 1px solid #f4c2bf;
        background: #fff7f6;
        color: #8a1c1c;
      }
      .notices .n.info {
        border-color: #c8dbf2;
        background: #f2f7fd;
        color: var(--pd-brand-2);
      }
      .notices .n span {
        flex: 1;
      }
      .progress {
        height: 3px;
        background: #dde6f0;
        border-radius: 2px;
        overflow: hidden;
      }
      .progress span {
        display: block;
        height: 100%;
        background: var(--pd-brand-2);
        transition: width 0.2s;
      }
      footer {
        padding: 10px 20px 16px;
        text-align: center;
        font-size: 12px;
        color: var(--pd-faint);
      }
      .overlay {
        position: fixed;
        inset: 0;
        z-index: 50;
        display: grid;
        place-items: center;
        background: rgba(15, 42, 68, 0.55);
        color: #fff;
        font-size: 22px;
        font-weight: 600;
        pointer-events: none;
      }
      .overlay div {
        padding: 40px 60px;
        border: 3px dashed #fff;
        border-radius: 16px;
      }
      @media (max-width: 1100px) {
        .tagline {
          display: none;
        }
        .lineage {
          grid-template-columns: 1fr;
          height: auto;
        }
        .lineage .card:first-child {
          height: 70vh;
        }
      }
      @media (max-width: 760px) {
        header.top {
          height: auto;
          flex-wrap: wrap;
          gap: 6px 10px;
          padding: 6px 10px 0;
        }
        nav.tabs {
          order: 3;
          width: 100%;
          margin-left: 0;
          overflow-x: auto;
          height: 40px;
        }
        nav.tabs a {
          padding: 0 10px;
        }
        main {
          padding: 12px 8px 8px;
        }
      }
      @media print {
        header.top,
        footer,
        .notices,
        pd-pair-picker {
          display: none !important;
        }
        main {
          padding: 0;
          max-width: none;
        }
        .card {
          box-shadow: none;
          border: none;
        }
      }
    `,
  ];

  private readonly app = new AppController(this);
  @state() private dragging = false;
  private dragDepth = 0;

  private readonly onDragEnter = (e: DragEvent): void => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    this.dragDepth += 1;
    this.dragging = true;
  };
  private readonly onDragLeave = (): void => {
    this.dragDepth = Math.max(0, this.dragDepth - 1);
    if (this.dragDepth === 0) this.dragging = false;
  };
  private readonly onDragOver = (e: DragEvent): void => {
    if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
  };
  private readonly onDrop = (e: DragEvent): void => {
    this.dragDepth = 0;
    this.dragging = false;
    if (e.defaultPrevented) return; // an upload zone took it
    e.preventDefault();
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length) void this.app.upload(files);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('dragenter', this.onDragEnter);
    window.addEventListener('dragleave', this.onDragLeave);
    window.addEventListener('dragover', this.onDragOver);
    window.addEventListener('drop', this.onDrop);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('dragenter', this.onDragEnter);
    window.removeEventListener('dragleave', this.onDragLeave);
    window.removeEventListener('dragover', this.onDragOver);
    window.removeEventListener('drop', this.onDrop);
    super.disconnectedCallback();
  }

  private get locale(): Lang {
    return this.app.lang;
  }

  private handlePair(e: PdEvent<'pd-pair-select'>): void {
    this.app.selectPair(e.detail.a, e.detail.b, e.detail.view);
  }

  private handleFiles(e: PdEvent<'pd-files-drop'>): void {
    void this.app.upload(e.detail.files);
  }

  // ---------- views ----------

  private renderCorpusState(): TemplateResult | typeof nothing {
    const c = this.app.corpus;
    const lang = this.locale;
    if (c.status === 'error' && !this.app.rows.some((r) => r.source === 'corpus')) {
      return html`<pd-notice kind="error" heading=${t(lang, 'corpusUnavailable', { reason: c.error ?? '' })}>
        <button @click=${() => void this.app.loadCorpus()}>${t(lang, 'retry')}</button>
      </pd-notice>`;
    }
    if (c.status === 'loading' && this.app.rows.length === 0) {
      return html`<pd-notice
        kind="loading"
        heading=${c.total ? t(lang, 'loadingCorpus', { done: c.done, total: c.total }) : t(lang, 'loading')}
        .progress=${c.total ? c.done / c.total : null}
      ></pd-notice>`;
    }
    return nothing;
  }

  /** One count for the whole corpus view: readable plans of the folder, uploads, unreadable files (never counted as plans). */
  private corpusSummary(): string {
    const rows = this.app.rows;
    const plans = rows.filter((r) => r.source === 'corpus' && !r.error).length;
    const uploads = rows.filter((r) => r.source === 'upload' && !r.error).length;
    const unreadable = rows.filter((r) => r.error).length;
    return [
      t(this.locale, 'countPlans', { count: plans }),
      uploads ? t(this.locale, 'countUploads', { count: uploads }) : '',
      unreadable ? t(this.locale, 'countUnreadable', { count: unreadable }) : '',
    ]
      .filter(Boolean)
      .join(' · ');
  }

  private warningsByFile() {
    return new Map(this.app.summaries.map((s) => [s.file, s.warnings]));
  }

  private renderCorpus() {
    const lang = this.locale;
    const c = this.app.corpus;
    const empty = c.status === 'ready' && c.total === 0;
    return html`
      <div class="view-head">
        <h1>${viewLabel(lang, 'corpus')}</h1>
        ${c.status === 'ready' ? html`<span class="sub" data-testid="corpus-summary">${this.corpusSummary()}</span>` : nothing}
      </div>
      ${this.renderCorpusState()}
      ${empty
        ? html`<pd-notice kind="empty" heading=${t(lang, 'emptyCorpus')} data-testid="empty-corpus">${t(lang, 'emptyCorpusHint')}</pd-notice>`
        : nothing}
      <pd-upload-zone .locale=${lang} @pd-files-drop=${this.handleFiles}></pd-upload-zone>
      ${c.status === 'loading' && c.total > 0 && this.app.rows.length > 0
        ? html`<div class="progress" title=${t(lang, 'loadingCorpus', { done: c.done, total: c.total })}><span style="width:${(100 * c.done) / c.total}%"></span></div>`
        : nothing}
      ${this.app.rows.length
        ? html`<div class="card">
            <pd-corpus-table
              .rows=${this.app.rows}
              .warnings=${this.warningsByFile()}
              .locale=${lang}
              @pd-pair-select=${this.handlePair}
              @pd-upload-remove=${(e: PdEvent<'pd-upload-remove'>) => void this.app.removeUpload(e.detail.file)}
            ></pd-corpus-table>
          </div>`
        : nothing}
    `;
  }

  private renderLineage() {
    const lang = this.locale;
    const graph = this.app.graph;
    const state = this.renderCorpusState();
    if (!graph) {
      return html`<div class="view-head"><h1>${viewLabel(lang, 'lineage')}</h1></div>
        ${state !== nothing ? state : html`<pd-notice kind="loading" heading=${t(lang, 'analysing')}></pd-notice>`}`;
    }
    const page = this.app.route.node ? nodePage(graph, this.app.route.node) : null;
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    const pairs: ReusePairView[] = graph.edges
      .filter((e) => e.relation === 'reuse')
      .flatMap((e) => {
        const a = byId.get(e.source);
        const b = byId.get(e.target);
        return a?.file && b?.file ? [{ a: a.file, b: b.file, labelA: shortLabel(a), labelB: shortLabel(b), score: e.score }] : [];
      });
    return html`<div class="lineage">
      <div class="card">
        <pd-lineage-graph
          .graph=${this.app.graph}
          .selected=${this.app.route.node}
          .locale=${lang}
          @pd-node-select=${(e: PdEvent<'pd-node-select'>) => this.app.selectNode(e.detail.id)}
          @pd-edge-select=${(e: PdEvent<'pd-edge-select'>) => this.app.selectEdge(e.detail.source, e.detail.target, e.detail.relation)}
        ></pd-lineage-graph>
      </div>
      <div class="card side">
        <pd-node-page
          .page=${page}
          .pairs=${pairs}
          .warnings=${this.app.summaries.find((s) => !!page?.node.file && s.file === page.node.file)?.warnings ?? []}
          .locale=${lang}
          @pd-node-select=${(e: PdEvent<'pd-node-select'>) => this.app.selectNode(e.detail.id)}></pd-node-page>
      </div>
    </div>`;
  }

  /** The pair picker and the states of a pair view; null when the view can show its result. */
  private renderPairHead(view: View, loading: boolean, error: string | null) {
    const lang = this.locale;
    const { a, b } = this.app.route;
    const missing = this.app.missingPlans();
    let status: TemplateResult | typeof nothing = nothing;
    if (missing.length) {
      // An upload lives in the browser that read it: a link to one elsewhere (or after it was removed) needs the file again.
      const uploads = missing.filter((f) => f.startsWith('upload:'));
      const files = missing.filter((f) => !f.startsWith('upload:'));
      status = html`${uploads.map(
        (f) => html`<pd-notice kind="error" data-testid="upload-missing" heading=${t(lang, 'uploadMissing', { file: f.slice('upload:'.length) })}></pd-notice>`,
      )}${files.length ? html`<pd-notice kind="error" heading=${t(lang, 'unreadableFile', { file: files.join(', '), reason: t(lang, 'error.fetch') })}></pd-notice>` : nothing}`;
    } else if (!a || !b) {
      status = this.app.corpus.status === 'loading' ? this.renderCorpusState() : html`<pd-notice kind="info" heading=${t(lang, 'choosePair')} data-testid="choose-pair">${t(lang, 'choosePairHint')}</pd-notice>`;
    } else if (error) status = html`<pd-notice kind="error" heading=${t(lang, 'analysisFailed', { reason: error })}></pd-notice>`;
    else if (loading || this.app.corpus.status === 'loading') status = html`<pd-notice kind="loading" heading=${t(lang, 'analysing')}></pd-notice>`;
    return html`
      <div class="view-head"><h1>${viewLabel(lang, view)}</h1></div>
      <div class="card pad">
        <pd-pair-picker .plans=${this.app.plans} .a=${a} .b=${b} .recent=${this.app.recent} .locale=${lang} .parentChild=${view === 'fidelity'} @pd-pair-select=${this.handlePair}></pd-pair-picker>
      </div>
      ${status}
    `;
  }

  private currentComparison() {
    const { a, b } = this.app.route;
    const c = this.app.comparison;
    if (!a || !b || !c || c.key !== `${a}\u0000${b}`) return { loading: !!(a && b), error: null, value: null };
    return { loading: c.status === 'loading', error: c.error, value: c.status === 'ready' ? c.value : null };
  }

  private renderDiff() {
    const c = this.currentComparison();
    return html`${this.renderPairHead('diff', c.loading, c.error)}
    ${c.value
      ? html`<div class="card">
          <pd-diff-view
            .rows=${this.app.diff}
            .docA=${c.value.a}
            .docB=${c.value.b}
            .clause=${this.app.route.clause}
            .warning=${this.app.route.warning ?? null}
            .ignore=${this.app.diffIgnore}
            .locale=${this.locale}
            .alignments=${c.value.alignments}
            .decisions=${this.app.compareReviews?.decisions ?? null}
            @pd-review=${(e: CustomEvent<ReviewEventDetail>) => void this.app.saveReview(e.detail, 'comparison')}
            @pd-clause-focus=${(e: PdEvent<'pd-clause-focus'>) => this.app.focusClause(e.detail.clause)}
            @pd-diff-ignore=${(e: PdEvent<'pd-diff-ignore'>) => this.app.setDiffIgnore(e.detail.ignore)}
          ></pd-diff-view>
        </div>`
      : nothing}`;
  }

  private renderTargets() {
    const c = this.currentComparison();
    return html`${this.renderPairHead('targets', c.loading, c.error)}
    ${c.value
      ? html`<div class="card">
          <pd-target-table
            .rows=${this.app.targets}
            .a=${this.app.route.a}
            .b=${this.app.route.b}
            .locale=${this.locale}
            .decisions=${this.app.compareReviews?.decisions ?? null}
            .relation=${this.app.relation}
            .judged=${this.app.comparison?.value?.relation ?? null}
            @pd-relation=${(e: CustomEvent<{ relation: 'auto' | 'parent' | 'peer' }>) => this.app.setRelation(e.detail.relation)}
            @pd-download=${(e: CustomEvent<{ format: 'docx' | 'xlsx' }>) => void this.app.downloadComparison(e.detail.format)}
            @pd-review=${(e: CustomEvent<ReviewEventDetail>) => void this.app.saveReview(e.detail, 'comparison')}
            @pd-export-csv=${() => this.app.exportCsv()}
          ></pd-target-table>
        </div>`
      : nothing}`;
  }

  private renderFidelity() {
    const { a, b } = this.app.route;
    const f = this.app.fidelity;
    const current = !!a && !!b && f?.key === `${a}\u0000${b}`;
    const view = current ? this.app.fidelityView : null;
    return html`${this.renderPairHead('fidelity', !!a && !!b && (!current || f?.status === 'loading'), current ? (f?.error ?? null) : null)}
    ${view
      ? html`<div class="card">
          <pd-fidelity-view
            .report=${view.result.report}
            .columns=${view.columns}
            .rows=${view.rows}
            .findings=${view.findings}
            .locale=${this.locale}
            .parent=${this.app.route.a}
            .child=${this.app.route.b}
            .suggested=${view.result.suggested ?? null}
            .decisions=${this.app.reviews?.decisions ?? null}
            @pd-review=${(e: CustomEvent<ReviewEventDetail>) => void this.app.saveReview(e.detail)}
            @pd-download=${(e: CustomEvent<{ format: 'docx' | 'xlsx' }>) => void this.app.downloadReport(e.detail.format)}
            @pd-download-matrix=${(e: CustomEvent<{ format: 'docx' | 'xlsx' }>) => void this.app.downloadMatrix(e.detail.format)}
          ></pd-fidelity-view>
        </div>`
      : nothing}`;
  }

  private renderTrends() {
    const tr = this.app.trends;
    return html`<div class="card">
      ${tr?.status === 'error' ? html`<pd-notice kind="error" heading=${tr.error ?? ''}></pd-notice>` : nothing}
      <pd-trends-view
        .trends=${tr?.value?.trends ?? null}
        .matrix=${tr?.value?.matrix ?? null}
        .years=${tr?.value?.years ?? []}
        .locale=${this.locale}
        @pd-trends-year=${(e: PdEvent<'pd-trends-year'>) => void this.app.ensureTrends(e.detail.year)}
      ></pd-trends-view>
    </div>`;
  }

  private renderView() {
    switch (this.app.route.view) {
      case 'corpus':
        return this.renderCorpus();
      case 'lineage':
        return this.renderLineage();
      case 'diff':
        return this.renderDiff();
      case 'targets':
        return this.renderTargets();
      case 'fidelity':
        return this.renderFidelity();
      case 'trends':
        return this.renderTrends();
    }
  }

  override render() {
    const lang = this.locale;
    const other: Lang = lang === 'vi' ? 'en' : 'vi';
    return html`
      <header class="top">
        <a class="brand" href="#/corpus"
          ><span class="logo" aria-hidden="true">≠</span>${t(lang, 'appName')} <span class="tagline">${t(lang, 'appTagline')}</span></a
        >
        <nav class="tabs" aria-label="views">
          ${VIEWS.map(
            (v) => html`<a href=${this.app.hrefOf(v)} data-testid="tab-${v}" aria-current=${this.app.route.view === v ? 'page' : 'false'}>${viewLabel(lang, v)}</a>`,
          )}
        </nav>
        <div class="right">
          <pd-upload-zone compact .locale=${lang} @pd-files-drop=${this.handleFiles}></pd-upload-zone>
          <button class="lang" data-testid="lang-switch" lang=${other} title=${t(lang, 'switchLanguageTitle')} @click=${() => this.app.setLang(other)}>
            ${t(lang, 'switchLanguage')}
          </button>
        </div>
      </header>
      <main data-testid="view-${this.app.route.view}">
        ${this.app.notices.length
          ? html`<div class="notices">
              ${this.app.notices.map(
                (n) => html`<div class="n ${n.kind}" role="alert" data-testid="notice">
                  <span>${n.text}</span><button class="ghost" @click=${() => this.app.dismiss(n.id)}>${t(lang, 'dismiss')}</button>
                </div>`,
              )}
            </div>`
          : nothing}
        ${this.renderView()}
      </main>
      <footer>${t(lang, 'footer')}</footer>
      ${this.dragging ? html`<div class="overlay"><div>${t(lang, 'dropHere')}</div></div>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pd-app': PdApp;
  }
}
