/**
 * <pd-plan-combobox>: one plan chosen by typing (ARIA 1.2 combobox with a list box): the query
 * finds plans by title, issuer, year, number or level (matchPlans); ↓/↑ move, Enter picks, Escape
 * closes. The chosen plan's full title and facts wrap under the field, so look-alike titles can be
 * told apart. Sends `plan-pick` (detail: the file, or null when cleared) to its picker.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { CorpusRow } from '../../../src/view/corpus.js';
import { levelLabel, t, type Lang } from '../../../src/view/i18n.js';
import { matchPlans } from '../../../src/view/plan-search.js';
import { controls } from '../../styles/shared.js';

/** Most options listed at once (the query narrows the rest). */
const MAX_OPTIONS = 60;

/** The facts under a plan's title: issuer, number, year, level. */
export function planFacts(r: CorpusRow, lang: Lang): string {
  return [r.source === 'upload' ? `⇪ ${t(lang, 'uploaded')}` : null, r.issuer ?? r.name, r.ident, r.year, r.level ? levelLabel(lang, r.level) : null].filter(Boolean).join(' · ');
}

@customElement('pd-plan-combobox')
export class PdPlanCombobox extends LitElement {
  static override styles = [
    controls,
    css`
      :host {
        display: block;
        position: relative;
        min-width: 0;
      }
      label {
        display: block;
        font-size: 12px;
        font-weight: 600;
        color: var(--pd-muted);
        text-transform: uppercase;
        letter-spacing: 0.02em;
        margin-bottom: 4px;
      }
      input {
        width: 100%;
        border-left: 4px solid var(--pd-side-colour, var(--pd-border-strong));
      }
      .chosen {
        margin-top: 4px;
        font-size: 13px;
        line-height: 1.35;
        overflow-wrap: anywhere;
      }
      .chosen .facts {
        display: block;
        color: var(--pd-muted);
        font-size: 12px;
      }
      ul {
        position: absolute;
        z-index: 30;
        left: 0;
        right: 0;
        margin: 2px 0 0;
        padding: 4px;
        list-style: none;
        max-height: 360px;
        overflow: auto;
        background: var(--pd-surface);
        border: 1px solid var(--pd-border-strong);
        border-radius: 8px;
        box-shadow: 0 6px 24px rgba(15, 42, 68, 0.18);
      }
      li {
        padding: 6px 8px;
        border-radius: 6px;
        cursor: pointer;
        overflow-wrap: anywhere;
      }
      li .facts {
        display: block;
        font-size: 12px;
        color: var(--pd-muted);
      }
      li[aria-selected='true'] {
        background: #e3edf9;
        outline: 2px solid var(--pd-focus);
        outline-offset: -2px;
      }
      li.more {
        cursor: default;
        color: var(--pd-muted);
        font-size: 12px;
      }
    `,
  ];

  /** Plans to choose from. */
  @property({ attribute: false }) plans: CorpusRow[] = [];
  /** The chosen plan's file. */
  @property() value: string | null = null;
  /** The field's label. */
  @property() label = '';
  /** Test id of the field ("pick-a"). */
  @property() testid = '';
  /** Language of the labels. */
  @property() locale: Lang = 'vi';

  @state() private open = false;
  @state() private queryText = '';
  @state() private active = 0;

  @query('input') private input!: HTMLInputElement;

  private get chosen(): CorpusRow | null {
    return this.plans.find((p) => p.file === this.value) ?? null;
  }

  private get options(): CorpusRow[] {
    return matchPlans(this.plans, this.queryText);
  }

  private pick(file: string | null): void {
    this.open = false;
    this.queryText = '';
    this.dispatchEvent(new CustomEvent<string | null>('plan-pick', { detail: file }));
  }

  private handleKey(e: KeyboardEvent): void {
    const n = Math.min(this.options.length, MAX_OPTIONS);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!this.open) {
        this.open = true;
        this.active = 0;
        return;
      }
      if (n) this.active = (this.active + (e.key === 'ArrowDown' ? 1 : -1) + n) % n;
      this.updateComplete.then(() => this.renderRoot.querySelector('li[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' }));
    } else if (e.key === 'Enter') {
      if (!this.open) return;
      e.preventDefault();
      const opt = this.options[this.active];
      if (opt) this.pick(opt.file);
    } else if (e.key === 'Escape') {
      if (this.open) {
        e.preventDefault();
        this.open = false;
        this.queryText = '';
      }
    }
  }

  private handleInput(e: Event): void {
    this.queryText = (e.target as HTMLInputElement).value;
    this.open = true;
    this.active = 0;
  }

  private handleBlur(e: FocusEvent): void {
    if (e.relatedTarget && this.renderRoot.contains(e.relatedTarget as Node)) return;
    this.open = false;
    this.queryText = '';
  }

  override render() {
    const lang = this.locale;
    const chosen = this.chosen;
    const options = this.open ? this.options : [];
    const shown = options.slice(0, MAX_OPTIONS);
    return html`<label for="field">${this.label}</label>
      <input
        id="field"
        type="text"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-controls="list"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-activedescendant=${this.open && shown.length ? `opt-${this.active}` : ''}
        aria-describedby="chosen"
        data-testid=${this.testid}
        data-value=${this.value ?? ''}
        placeholder=${t(lang, 'pickPlaceholder')}
        .value=${this.open ? this.queryText : (chosen?.title ?? '')}
        @focus=${() => this.input.select()}
        @click=${() => {
          this.open = true;
        }}
        @input=${this.handleInput}
        @keydown=${this.handleKey}
        @blur=${this.handleBlur}
      />
      <div class="chosen" id="chosen" data-testid="${this.testid}-chosen">
        ${chosen ? html`<span class="title">${chosen.title}</span><span class="facts">${planFacts(chosen, lang)}</span>` : html`<span class="facts">${t(lang, 'choosePlan')}</span>`}
      </div>
      ${this.open
        ? html`<ul id="list" role="listbox" aria-label=${this.label} data-testid="${this.testid}-options">
            ${shown.map(
              (p, k) => html`<li
                id="opt-${k}"
                role="option"
                aria-selected=${k === this.active ? 'true' : 'false'}
                data-file=${p.file}
                @mousedown=${(e: Event) => e.preventDefault()}
                @click=${() => this.pick(p.file)}
              >
                ${p.title}<span class="facts">${planFacts(p, lang)}</span>
              </li>`,
            )}
            ${options.length > shown.length ? html`<li class="more" role="presentation">${t(lang, 'pickMore', { count: options.length - shown.length })}</li>` : nothing}
            ${options.length === 0 ? html`<li class="more" role="presentation">${t(lang, 'noMatch')}</li>` : nothing}
          </ul>`
        : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pd-plan-combobox': PdPlanCombobox;
  }
}
