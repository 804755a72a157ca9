/**
 * <pd-pair-picker>: the two plans a pair view shows — A (parent or older) and B (derivative or
 * newer) — each picked in a searchable combobox among the corpus plans and the uploads, a swap
 * button, and the pairs opened lately.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CorpusRow } from '../../../src/view/corpus.js';
import { t, type Lang, type MessageKey } from '../../../src/view/i18n.js';
import type { PlanPair } from '../../../src/view/plan-search.js';
import { clip } from '../../../src/text/clip.js';
import { controls } from '../../styles/shared.js';
import { emit } from '../events.js';
import './plan-combobox.js';

@customElement('pd-pair-picker')
export class PdPairPicker extends LitElement {
  static override styles = [
    controls,
    css`
      :host {
        display: block;
      }
      .row {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto minmax(0, 1fr);
        gap: 10px;
        align-items: start;
      }
      .row > button {
        margin-top: 22px;
      }
      .a {
        --pd-side-colour: var(--pd-dropped);
      }
      .b {
        --pd-side-colour: var(--pd-added);
      }
      .recent {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
        align-items: center;
        margin-top: 10px;
        font-size: 12px;
        color: var(--pd-muted);
      }
      .recent button {
        font-size: 12px;
        min-height: 26px;
        padding: 2px 8px;
        white-space: normal;
        text-align: left;
      }
      @media (max-width: 760px) {
        .row {
          grid-template-columns: minmax(0, 1fr);
        }
        .row > button {
          margin-top: 0;
          justify-self: start;
        }
      }
    `,
  ];

  /** Plans to choose from (readable corpus plans and uploads). */
  @property({ attribute: false }) plans: CorpusRow[] = [];
  /** Chosen A. */
  @property() a: string | null = null;
  /** Chosen B. */
  @property() b: string | null = null;
  /** Pairs opened lately, newest first. */
  @property({ attribute: false }) recent: PlanPair[] = [];
  /** Language of the labels. */
  @property() locale: Lang = 'vi';
  /** Name the sides as parent and child (fidelity) rather than A and B. */
  @property({ type: Boolean }) parentChild = false;

  private handlePick(side: 'a' | 'b', file: string | null): void {
    const next = { a: this.a, b: this.b, [side]: file };
    emit(this, 'pd-pair-select', { a: next.a, b: next.b });
  }

  private handleSwap(): void {
    emit(this, 'pd-pair-select', { a: this.b, b: this.a });
  }

  private renderBox(side: 'a' | 'b', value: string | null, label: MessageKey) {
    return html`<pd-plan-combobox
      class=${side}
      .plans=${this.plans}
      .value=${value}
      .label=${t(this.locale, label)}
      .testid=${`pick-${side}`}
      .locale=${this.locale}
      @plan-pick=${(e: CustomEvent<string | null>) => this.handlePick(side, e.detail)}
    ></pd-plan-combobox>`;
  }

  private renderRecent() {
    const byFile = new Map(this.plans.map((p) => [p.file, p]));
    const pairs = this.recent.filter((p) => byFile.has(p.a) && byFile.has(p.b) && (p.a !== this.a || p.b !== this.b));
    if (!pairs.length) return nothing;
    const name = (f: string) => {
      const r = byFile.get(f) as CorpusRow;
      return clip(`${r.issuer ?? r.name}${r.year ? ` ${r.year}` : ''}`, 48);
    };
    return html`<div class="recent" data-testid="recent-pairs">
      ${t(this.locale, 'recentPairs')}
      ${pairs.map(
        (p) => html`<button data-testid="recent-pair" title=${`${byFile.get(p.a)?.title} ↔ ${byFile.get(p.b)?.title}`} @click=${() => emit(this, 'pd-pair-select', { a: p.a, b: p.b })}>
          A ${name(p.a)} ↔ B ${name(p.b)}
        </button>`,
      )}
    </div>`;
  }

  override render() {
    return html`<div class="row">
        ${this.renderBox('a', this.a, this.parentChild ? 'parent' : 'planA')}
        <button class="ghost" title=${t(this.locale, 'swap')} aria-label=${t(this.locale, 'swap')} data-testid="swap" @click=${this.handleSwap}>⇄</button>
        ${this.renderBox('b', this.b, this.parentChild ? 'child' : 'planB')}
      </div>
      ${this.renderRecent()}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pd-pair-picker': PdPairPicker;
  }
}
