/**
 * <pd-notice>: the states a user meets — loading (with progress), empty, error, info — as one
 * framed message with room for actions in its slot.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { controls } from '../../styles/shared.js';

@customElement('pd-notice')
export class PdNotice extends LitElement {
  static override styles = [
    controls,
    css`
      :host {
        display: block;
      }
      .box {
        display: flex;
        gap: 14px;
        align-items: flex-start;
        padding: 18px 20px;
        border-radius: var(--pd-radius);
        border: 1px solid var(--pd-border);
        background: var(--pd-surface);
      }
      :host([kind='error']) .box {
        border-color: #f4c2bf;
        background: #fff7f6;
      }
      :host([kind='empty']) .box {
        border-style: dashed;
        justify-content: center;
        text-align: center;
        padding: 40px 20px;
      }
      .icon {
        flex: none;
        width: 22px;
        height: 22px;
        border-radius: 50%;
        display: grid;
        place-items: center;
        font-weight: 700;
        font-size: 13px;
        color: #fff;
        background: var(--pd-brand-2);
      }
      :host([kind='error']) .icon {
        background: var(--pd-dropped);
      }
      :host([kind='loading']) .icon {
        background: none;
        border: 3px solid #d3deea;
        border-top-color: var(--pd-brand-2);
        animation: spin 0.8s linear infinite;
      }
      @keyframes spin {
        to {
          transform: rotate(360deg);
        }
      }
      h3 {
        margin: 0 0 4px;
        font-size: 15px;
      }
      .detail {
        color: var(--pd-muted);
      }
      progress {
        width: min(320px, 100%);
        height: 6px;
        margin-top: 8px;
        accent-color: var(--pd-brand-2);
      }
      ::slotted(*) {
        margin-top: 10px;
      }
    `,
  ];

  /** loading | empty | error | info. */
  @property({ reflect: true }) kind: 'loading' | 'empty' | 'error' | 'info' = 'info';
  /** The message's first line. */
  @property() heading = '';
  /** Progress of a loading state (0..1); null shows none. */
  @property({ type: Number }) progress: number | null = null;

  override render() {
    const icon = this.kind === 'loading' ? '' : this.kind === 'error' ? '!' : 'i';
    return html`<div class="box" role=${this.kind === 'error' ? 'alert' : 'status'} data-testid="notice-${this.kind}">
      ${this.kind === 'empty' ? nothing : html`<span class="icon" aria-hidden="true">${icon}</span>`}
      <div>
        <h3>${this.heading}</h3>
        <div class="detail"><slot></slot></div>
        ${this.progress !== null ? html`<progress max="1" .value=${this.progress}></progress>` : nothing}
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pd-notice': PdNotice;
  }
}
