/**
 * <pd-node-page>: the page of one lineage node — what it is, what it cites, who cites it, who
 * implements it, which plans share its text (each with a link to open the pair's diff). With no
 * node chosen it lists the strongest reuse pairs of the corpus.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Warning } from '../../../src/types.js';
import type { LinkedDocument, NodePage } from '../../../src/view/graph-view.js';
import { formatNumber, levelLabel, relationLabel, t, type Lang, type MessageKey } from '../../../src/view/i18n.js';
import { formatRoute } from '../../../src/view/route.js';
import { chips, controls } from '../../styles/shared.js';
import { emit } from '../events.js';

/** A reuse pair of the overview. */
export interface ReusePairView {
  a: string;
  b: string;
  labelA: string;
  labelB: string;
  score: number;
}

@customElement('pd-node-page')
export class PdNodePage extends LitElement {
  static override styles = [
    controls,
    chips,
    css`
      :host {
        display: block;
        font-size: 13px;
      }
      header {
        display: flex;
        gap: 8px;
        align-items: flex-start;
        padding: 14px 16px 10px;
        border-bottom: 1px solid var(--pd-border);
      }
      header div {
        flex: 1;
        min-width: 0;
      }
      h2 {
        margin: 0 0 4px;
        font-size: 16px;
        line-height: 1.3;
      }
      .sub {
        color: var(--pd-muted);
      }
      section {
        padding: 10px 16px;
        border-bottom: 1px solid #edf0f4;
      }
      h3 {
        margin: 0 0 6px;
        font-size: 12px;
        text-transform: uppercase;
        letter-spacing: 0.02em;
        color: var(--pd-muted);
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        padding: 4px 0;
        display: flex;
        gap: 6px;
        align-items: baseline;
        flex-wrap: wrap;
      }
      li .doc {
        flex: 1;
        min-width: 0;
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 2px 10px;
        margin: 6px 0 0;
      }
      dt {
        color: var(--pd-muted);
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .score {
        font-variant-numeric: tabular-nums;
        color: var(--pd-reuse);
        font-weight: 600;
      }
      .none {
        color: var(--pd-faint);
      }
      .intro {
        padding: 14px 16px;
        color: var(--pd-muted);
      }
      .warn li {
        display: block;
      }
      .warn .where {
        color: var(--pd-muted);
      }
    `,
  ];

  /** The page of the chosen node; null shows the overview. */
  @property({ attribute: false }) page: NodePage | null = null;
  /** Reuse pairs of the corpus for the overview, strongest first. */
  @property({ attribute: false }) pairs: ReusePairView[] = [];
  /** The chosen plan's reading warnings (decoding and header oddities, garbled citations, duplicate labels). */
  @property({ attribute: false }) warnings: Warning[] = [];
  /** Language of the labels. */
  @property() locale: Lang = 'vi';

  private docLink(d: LinkedDocument) {
    return html`<a class="doc" href=${formatRoute({ view: 'lineage', node: d.id })}>${d.label}</a>`;
  }

  private compareLink(a: string | null, b: string | null) {
    if (!a || !b) return nothing;
    return html`<a href=${formatRoute({ view: 'diff', a, b })} data-testid="page-compare">${t(this.locale, 'openDiff')} →</a>`;
  }

  private renderList(title: MessageKey, docs: LinkedDocument[], self: string | null, selfIsParent: boolean) {
    const lang = this.locale;
    return html`<section>
      <h3>${t(lang, title)} (${docs.length})</h3>
      ${docs.length === 0
        ? html`<p class="none">${t(lang, 'page.none')}</p>`
        : html`<ul>
            ${docs.map(
              (d) => html`<li>
                ${this.docLink(d)}
                ${d.relation === 'reuse'
                  ? html`<span class="score">${formatNumber(lang, d.score * 100, 0)}%</span>`
                  : html`<span class="chip">${relationLabel(lang, d.relation)}${d.mentions ? ` · ${t(lang, 'mentions', { count: d.mentions })}` : ''}</span>`}
                ${selfIsParent ? this.compareLink(self, d.file) : this.compareLink(d.file, self)}
              </li>`,
            )}
          </ul>`}
    </section>`;
  }

  /**
   * The plan's reading warnings, each linking to its place in the text: the diff with the plan as B
   * (against the plan it implements when that one is in the folder, else against itself), which
   * scrolls to the clause, or the header line, the warning is about and highlights it.
   */
  private renderWarnings(file: string | null) {
    const lang = this.locale;
    const page = this.page;
    if (!file || !page || !this.warnings.length) return nothing;
    const parent = page.cites.find((d) => d.relation === 'implements' && d.file && d.file !== file)?.file ?? file;
    return html`<section class="warn" data-testid="page-warnings">
      <h3>${t(lang, 'warningsTitle')} (${this.warnings.length})</h3>
      <ul>
        ${this.warnings.map(
          (w) => html`<li data-code=${w.code}>
            ${w.message}
            ${w.span
              ? html`— <a data-testid="page-warning-link" href=${formatRoute({ view: 'diff', a: parent, b: file, warning: { side: 'b', at: w.span[0] } })}
                    >${t(lang, 'page.warningShow')} →</a
                  >`
              : html`<span class="where">(${t(lang, 'page.warningFile')})</span>`}
          </li>`,
        )}
      </ul>
    </section>`;
  }

  private renderOverview() {
    const lang = this.locale;
    return html`<div class="intro">${t(lang, 'clickEdgeHint')}</div>
      <section>
        <h3>${relationLabel(lang, 'reuse')} (${this.pairs.length})</h3>
        ${this.pairs.length === 0
          ? html`<p class="none">${t(lang, 'page.none')}</p>`
          : html`<ul data-testid="reuse-pairs">
              ${this.pairs.slice(0, 40).map(
                (p) => html`<li>
                  <span class="score">${formatNumber(lang, p.score * 100, 0)}%</span>
                  <span class="doc">${p.labelA} ↔ ${p.labelB}</span>
                  ${this.compareLink(p.a, p.b)}
                </li>`,
              )}
            </ul>`}
      </section>`;
  }

  override render() {
    const page = this.page;
    if (!page) return this.renderOverview();
    const lang = this.locale;
    const n = page.node;
    const file = n.file ?? null;
    return html`
      <header data-testid="node-page" data-node=${n.id}>
        <div>
          <h2>${page.label}</h2>
          <div class="sub">${n.title ?? ''}</div>
          <div style="margin-top:6px;display:flex;gap:6px;flex-wrap:wrap">
            ${n.level ? html`<span class="chip ${n.level}">${levelLabel(lang, n.level)}</span>` : nothing}
            <span class="chip">${file ? t(lang, 'inCorpus') : t(lang, 'external')}</span>
            ${n.type ? html`<span class="chip">${n.type}</span>` : nothing}
          </div>
          <dl>
            ${n.issuer ? html`<dt>${t(lang, 'page.issuer')}</dt><dd>${n.issuer}</dd>` : nothing}
            ${n.date ?? n.year ? html`<dt>${t(lang, 'page.date')}</dt><dd>${n.date ?? n.year}</dd>` : nothing}
            ${file ? html`<dt>${t(lang, 'page.file')}</dt><dd class="mono">${file}</dd>` : nothing}
          </dl>
        </div>
        <button class="ghost" aria-label=${t(lang, 'page.close')} title=${t(lang, 'page.close')} @click=${() => emit(this, 'pd-node-select', { id: null })}>✕</button>
      </header>
      ${this.renderWarnings(file)}
      ${this.renderList('page.cites', page.cites, file, false)} ${this.renderList('page.implementers', page.implementers, file, true)}
      ${this.renderList('page.citedBy', page.citedBy, file, true)} ${this.renderList('page.reuse', page.reuse, file, true)}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pd-node-page': PdNodePage;
  }
}
