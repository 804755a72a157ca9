/**
 * <pd-review-mark>: the review control of one item (a finding, a target change, a clause
 * alignment), the same in every view that has one: the decision kept for it (status, reason, note,
 * and "made on an earlier version" with the text decided on when a plan has changed since), then,
 * when decisions can be kept, a status select, reason and note fields and a Save button.
 *
 * The draft is the host's (`draft`, changed through `pd-review-draft`), so a row that leaves a
 * windowed list and comes back still holds what was typed. Save (or Enter in a field) sends
 * `pd-review` up to the app; Escape in the form drops the draft. "Explained" needs a reason.
 * Test ids carry the host's `scope` prefix ("" → review-save, "target-" → target-review-save …).
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ReviewItemKind } from '../../../src/compare/review-items.js';
import type { DecisionView } from '../../../src/report/review-decisions.js';
import { rt } from '../../../src/view/review-labels.js';
import type { Lang } from '../../../src/view/i18n.js';
import { clip } from '../../../src/text/clip.js';
import { controls } from '../../styles/shared.js';

const STATUSES = ['confirmed', 'explained', 'false-alarm'] as const;

/** What the reviewer is typing, before Save. */
export interface ReviewDraft {
  status: DecisionView['status'];
  reason: string;
  note: string;
}

/** A decision the reviewer saves (sent up as `pd-review`). */
export interface ReviewEventDetail {
  item: string;
  kind: ReviewItemKind;
  status: DecisionView['status'];
  reason: string | null;
  note: string | null;
  itemText: string;
}

/** Detail of `pd-review-draft`: the item's draft, null when it is dropped (saved, or Escape). */
export interface ReviewDraftDetail {
  item: string;
  draft: ReviewDraft | null;
}

/** A host's drafts after a `pd-review-draft`. */
export function withDraft(drafts: Readonly<Record<string, ReviewDraft>>, { item, draft }: ReviewDraftDetail): Record<string, ReviewDraft> {
  if (draft) return { ...drafts, [item]: draft };
  const { [item]: _, ...rest } = drafts;
  return rest;
}

/** The draft of a host's item: the one being typed, else the stored decision's, else "confirmed". */
export function draftOf(drafts: Readonly<Record<string, ReviewDraft>>, item: string, decision: DecisionView | null | undefined): ReviewDraft {
  return drafts[item] ?? { status: decision?.status ?? 'confirmed', reason: decision?.reason ?? '', note: decision?.note ?? '' };
}

@customElement('pd-review-mark')
export class PdReviewMark extends LitElement {
  static override styles = [
    controls,
    css`
      :host {
        display: block;
        font-size: 12px;
        white-space: normal;
      }
      .decided {
        margin-top: 2px;
      }
      .earlier {
        color: var(--pd-dropped);
      }
      .review {
        display: flex;
        gap: 4px 6px;
        flex-wrap: wrap;
        align-items: center;
        margin-top: 4px;
      }
      .review select,
      .review input[type='text'],
      .review button {
        min-height: 28px;
        padding: 2px 8px;
      }
      .review input[type='text'] {
        width: 120px;
        flex: 1 1 110px;
        max-width: 240px;
      }
      @media print {
        .review {
          display: none;
        }
      }
    `,
  ];

  /** The item's review id ("f-…", "t-…", "c-…"). */
  @property() itemId = '';
  /** What the item is a review item of. */
  @property() kind: ReviewItemKind = 'finding';
  /** The item as shown now (kept with a decision; compared with the text decided on). */
  @property() itemText = '';
  /** What the item is, for the controls' accessible names (a finding's kind, "A II.1 → B II.2"). */
  @property() subject = '';
  /** The decision kept for the item, if any. */
  @property({ attribute: false }) decision: DecisionView | null = null;
  /** Whether decisions can be kept (the page served by plandiff serve, plans of its folder). */
  @property({ type: Boolean }) editable = false;
  /** The host's draft (see `draftOf`). */
  @property({ attribute: false }) draft: ReviewDraft = { status: 'confirmed', reason: '', note: '' };
  /** Prefix of the test ids. */
  @property() scope = '';
  /** Language of the labels. */
  @property() locale: Lang = 'vi';

  private handleChange(patch: Partial<ReviewDraft>): void {
    const draft = { ...this.draft, ...patch };
    this.dispatchEvent(new CustomEvent<ReviewDraftDetail>('pd-review-draft', { detail: { item: this.itemId, draft } }));
  }

  private get savable(): boolean {
    return this.draft.status !== 'explained' || !!this.draft.reason.trim();
  }

  private handleSave(): void {
    if (!this.savable) return;
    const d = this.draft;
    const detail: ReviewEventDetail = { item: this.itemId, kind: this.kind, status: d.status, reason: d.reason.trim() || null, note: d.note.trim() || null, itemText: this.itemText };
    this.dispatchEvent(new CustomEvent<ReviewEventDetail>('pd-review', { detail, bubbles: true, composed: true }));
    this.dispatchEvent(new CustomEvent<ReviewDraftDetail>('pd-review-draft', { detail: { item: this.itemId, draft: null } }));
  }

  private handleKey(e: KeyboardEvent): void {
    const target = e.composedPath()[0];
    if (e.key === 'Enter' && target instanceof HTMLInputElement) {
      e.preventDefault();
      this.handleSave();
    } else if (e.key === 'Escape') {
      this.dispatchEvent(new CustomEvent<ReviewDraftDetail>('pd-review-draft', { detail: { item: this.itemId, draft: null } }));
    }
  }

  private renderDecision(d: DecisionView) {
    const lang = this.locale;
    return html`<div class="decided" data-testid="${this.scope}decision" data-status=${d.status}>
      <strong>${rt(lang, `status.${d.status}`)}</strong>${d.reason ? html`: ${d.reason}` : nothing}${d.note ? html` — ${d.note}` : nothing}
      ${d.earlierVersion
        ? html`<div class="earlier" data-testid="${this.scope}earlier-version">
            ${rt(lang, 'earlier')}${d.itemText !== this.itemText ? html`. ${rt(lang, 'decidedOn')}: <span title=${d.itemText}>“${clip(d.itemText, 240)}”</span>` : nothing}
          </div>`
        : nothing}
    </div>`;
  }

  override render() {
    const lang = this.locale;
    const d = this.decision;
    const decided = d ? this.renderDecision(d) : nothing;
    if (!this.editable) return decided;
    const draft = this.draft;
    const about = this.subject ? ` — ${this.subject}` : '';
    return html`${decided}
      <div class="review" role="group" aria-label=${`${rt(lang, 'review')}${about}`} data-testid="${this.scope}review-form" @keydown=${this.handleKey}>
        <select aria-label=${`${rt(lang, 'review')}${about}`} .value=${draft.status} @change=${(e: Event) => this.handleChange({ status: (e.target as HTMLSelectElement).value as DecisionView['status'] })}>
          ${STATUSES.map((s) => html`<option value=${s} ?selected=${draft.status === s}>${rt(lang, `status.${s}`)}</option>`)}
        </select>
        <input type="text" aria-label=${rt(lang, 'reason')} placeholder=${rt(lang, 'reason')} .value=${draft.reason} @input=${(e: Event) => this.handleChange({ reason: (e.target as HTMLInputElement).value })} />
        <input type="text" aria-label=${rt(lang, 'note')} placeholder=${rt(lang, 'note')} .value=${draft.note} @input=${(e: Event) => this.handleChange({ note: (e.target as HTMLInputElement).value })} />
        <button type="button" data-testid="${this.scope}review-save" ?disabled=${!this.savable} @click=${() => this.handleSave()}>${rt(lang, 'save')}</button>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pd-review-mark': PdReviewMark;
  }
}
