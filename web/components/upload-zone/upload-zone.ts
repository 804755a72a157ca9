/**
 * <pd-upload-zone>: a drop target and file chooser for plans to compare. It only hands the chosen
 * File objects up (`pd-files-drop`); the controller reads them. While a dropped scan is read by OCR
 * it shows the page reached (the analysis client tells it, `OCR_PROGRESS_EVENT` on the window), and
 * when OCR stopped at the time limit for one document, how far it got, until the next file comes.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { t, type Lang } from '../../../src/view/i18n.js';
import { controls } from '../../styles/shared.js';
import { OCR_PROGRESS_EVENT, type OcrProgressMessage } from '../../app/analysis-client.js';
import { emit } from '../events.js';

/** File types offered in the chooser (what the core reads; page images by OCR). */
export const ACCEPT =
  '.txt,.md,.markdown,.html,.htm,.docx,.doc,.pdf,.png,.jpg,.jpeg,.tif,.tiff,application/msword,text/plain,text/markdown,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/pdf,image/png,image/jpeg,image/tiff';

/** The OCR progress line, in both languages. */
const OCR_LABEL: Record<Lang, (file: string, done: number, total: number) => string> = {
  vi: (file, done, total) => `Đang nhận dạng chữ (OCR) "${file}" trên máy: trang ${done}/${total}`,
  en: (file, done, total) => `Reading "${file}" by OCR on this machine: page ${done} of ${total}`,
};

/** The line shown when OCR stopped at the time limit, in both languages. */
const OCR_STOPPED_LABEL: Record<Lang, (file: string, done: number, total: number, seconds: number) => string> = {
  vi: (file, done, total, seconds) => `Đã dừng nhận dạng chữ (OCR) "${file}": quá ${seconds} giây cho một tài liệu, mới đọc được ${done}/${total} trang`,
  en: (file, done, total, seconds) => `Stopped reading "${file}" by OCR: it took longer than the ${seconds} s allowed for one document (${done} of ${total} pages read)`,
};

@customElement('pd-upload-zone')
export class PdUploadZone extends LitElement {
  static override styles = [
    controls,
    css`
      :host {
        display: block;
      }
      .zone {
        display: flex;
        align-items: center;
        gap: 14px;
        padding: 16px 18px;
        border: 2px dashed var(--pd-border-strong);
        border-radius: var(--pd-radius);
        background: var(--pd-surface);
        cursor: pointer;
        transition: border-color 0.15s, background 0.15s;
      }
      .zone:hover,
      .zone.over {
        border-color: var(--pd-brand-2);
        background: #f0f6fd;
      }
      .zone:focus-visible {
        outline: 2px solid var(--pd-focus);
      }
      .glyph {
        flex: none;
        width: 38px;
        height: 38px;
        border-radius: 10px;
        display: grid;
        place-items: center;
        background: #e4edf8;
        color: var(--pd-brand-2);
        font-size: 20px;
      }
      strong {
        display: block;
      }
      .hint {
        color: var(--pd-muted);
        font-size: 13px;
      }
      :host([compact]) .zone {
        padding: 0;
        border: none;
        background: none;
      }
      .ocr {
        display: block;
        margin-top: 8px;
        font-size: 13px;
        color: var(--pd-text, inherit);
      }
      .ocr progress {
        display: block;
        width: 100%;
        height: 6px;
        margin-top: 4px;
      }
      :host([compact]) .ocr {
        display: inline-block;
        margin: 0 0 0 8px;
      }
      :host([compact]) .ocr progress {
        display: none;
      }
      .ocr.stopped {
        color: var(--pd-dropped-text);
      }
      input[type='file'] {
        position: absolute;
        width: 1px;
        height: 1px;
        opacity: 0;
        pointer-events: none;
      }
    `,
  ];

  /** Language of the labels. */
  @property() locale: Lang = 'vi';
  /** A button instead of the framed zone (for the header). */
  @property({ type: Boolean, reflect: true }) compact = false;

  @state() private over = false;
  /** The scan OCR is reading, while it reads it; or the one it stopped on at the time limit. */
  @state() private ocr: OcrProgressMessage | null = null;
  @query('input[type=file]') private input!: HTMLInputElement;

  private readonly handleOcrProgress = (e: Event): void => {
    const progress = (e as CustomEvent<OcrProgressMessage>).detail;
    this.ocr = progress.stoppedAfterMs !== undefined || progress.done < progress.total ? progress : null;
  };

  /** A new file chosen or dropped anywhere on the page: the line about a scan OCR stopped on goes. */
  private readonly handleAnyDrop = (): void => {
    if (this.ocr?.stoppedAfterMs !== undefined) this.ocr = null;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener(OCR_PROGRESS_EVENT, this.handleOcrProgress);
    window.addEventListener('pd-files-drop', this.handleAnyDrop);
  }

  override disconnectedCallback(): void {
    window.removeEventListener(OCR_PROGRESS_EVENT, this.handleOcrProgress);
    window.removeEventListener('pd-files-drop', this.handleAnyDrop);
    super.disconnectedCallback();
  }

  /** Opens the file chooser. */
  choose(): void {
    this.input.click();
  }

  private handleChange(): void {
    const files = [...(this.input.files ?? [])];
    this.input.value = '';
    if (files.length) emit(this, 'pd-files-drop', { files });
  }

  private handleDragOver(e: DragEvent): void {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    this.over = true;
  }

  private handleDrop(e: DragEvent): void {
    // Handled here: preventDefault tells the page-wide drop handler to leave it.
    e.preventDefault();
    this.over = false;
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length) emit(this, 'pd-files-drop', { files });
  }

  private handleKey(e: KeyboardEvent): void {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.choose();
    }
  }

  private renderOcr() {
    const p = this.ocr;
    if (!p) return nothing;
    if (p.stoppedAfterMs !== undefined) {
      const stopped = OCR_STOPPED_LABEL[this.locale](p.file, p.done, p.total, Math.round(p.stoppedAfterMs / 1000));
      return html`<span class="ocr stopped" role="alert" data-testid="ocr-stopped" data-done=${p.done} data-total=${p.total}>${stopped}</span>`;
    }
    const label = OCR_LABEL[this.locale](p.file, p.done, p.total);
    return html`<span class="ocr" role="status" data-testid="ocr-progress" data-done=${p.done} data-total=${p.total}
      >${label}<progress max=${p.total} .value=${p.done} aria-label=${label}></progress
    ></span>`;
  }

  override render() {
    // Reached through the button or the zone: the input itself is no tab stop, but it is labelled.
    const input = html`<input
      type="file"
      accept=${ACCEPT}
      multiple
      tabindex="-1"
      aria-label=${t(this.locale, 'uploadTitle')}
      data-testid="upload-input"
      @change=${this.handleChange}
    />`;
    if (this.compact) {
      return html`<button class="primary" data-testid="upload-button" @click=${this.choose}>
          <span aria-hidden="true">⇪</span>${t(this.locale, 'uploadButton')}</button
        >${this.renderOcr()}${input}`;
    }
    return html`<div
      class="zone ${this.over ? 'over' : ''}"
      role="button"
      tabindex="0"
      data-testid="upload-zone"
      @click=${this.choose}
      @keydown=${this.handleKey}
      @dragover=${this.handleDragOver}
      @dragleave=${() => (this.over = false)}
      @drop=${this.handleDrop}
    >
      <span class="glyph" aria-hidden="true">⇪</span>
      <div><strong>${t(this.locale, 'uploadTitle')}</strong><span class="hint">${t(this.locale, 'uploadHint')}</span>${this.renderOcr()}</div>
    </div>
    ${input}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pd-upload-zone': PdUploadZone;
  }
}
