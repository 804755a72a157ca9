/**
 * <pd-pair-picker>: the two plans a pair view shows — A (parent or older) and B (derivative or
 * newer) — chosen among the corpus plans and the uploads, with a swap button.
 */
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CorpusRow } from '../../../src/view/corpus.js';
import { t, type Lang, type MessageKey } from '../../../src/view/i18n.js';
import { controls } from '../../styles/shared.js';
import { emit } from '../events.js';
import { clip } from '../../../src/text/clip.js';


/** The text of a plan in the menus: title, then issuer (or file) to tell look-alike titles apart. */
export function planOption(r: CorpusRow): string {
  const who = r.issuer ?? r.name;
  return `${clip(r.title, 64)} — ${clip(who, 40)}${r.year ? ` (${r.year})` : ''}`;
}

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
        grid-template-columns: 1fr auto 1fr;
        gap: 10px;
        align-items: end;
      }
      label {
        display: flex;
        flex-direction: column;
        gap: 4px;
        font-size: 12px;
        font-weight: 600;
        color: var(--pd-muted);
        text-transform: uppercase;
        letter-spacing: 0.02em;
        min-width: 0;
      }
      select {
        width: 100%;
        text-transform: none;
        font-weight: 400;
        letter-spacing: 0;
        color: var(--pd-text);
      }
      .a select {
        border-left: 4px solid var(--pd-dropped);
      }
      .b select {
        border-left: 4px solid var(--pd-added);
      }
      @media (max-width: 760px) {
        .row {
          grid-template-columns: 1fr;
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
  /** Language of the labels. */
  @property() locale: Lang = 'vi';
  /** Name the sides as parent and child (fidelity) rather than A and B. */
  @property({ type: Boolean }) parentChild = false;

  private handleChange(side: 'a' | 'b', value: string): void {
    const next = { a: this.a, b: this.b, [side]: value || null };
    emit(this, 'pd-pair-select', { a: next.a, b: next.b });
  }

  private handleSwap(): void {
    emit(this, 'pd-pair-select', { a: this.b, b: this.a });
  }

  private renderSelect(side: 'a' | 'b', value: string | null, label: MessageKey) {
    const corpus = this.plans.filter((p) => p.source === 'corpus');
    const uploads = this.plans.filter((p) => p.source === 'upload');
    return html`<label class=${side}>
      ${t(this.locale, label)}
      <select data-testid="pick-${side}" @change=${(e: Event) => this.handleChange(side, (e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!value}>${t(this.locale, 'choosePlan')}</option>
        <optgroup label=${t(this.locale, 'view.corpus')}>
          ${corpus.map((p) => html`<option value=${p.file} ?selected=${p.file === value}>${planOption(p)}</option>`)}
        </optgroup>
        ${uploads.length
          ? html`<optgroup label=${t(this.locale, 'uploads')}>
              ${uploads.map((p) => html`<option value=${p.file} ?selected=${p.file === value}>⇪ ${planOption(p)}</option>`)}
            </optgroup>`
          : ''}
      </select>
    </label>`;
  }

  override render() {
    return html`<div class="row">
      ${this.renderSelect('a', this.a, this.parentChild ? 'parent' : 'planA')}
      <button class="ghost" title=${t(this.locale, 'swap')} aria-label=${t(this.locale, 'swap')} data-testid="swap" @click=${this.handleSwap}>⇄</button>
      ${this.renderSelect('b', this.b, this.parentChild ? 'child' : 'planB')}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pd-pair-picker': PdPairPicker;
  }
}
