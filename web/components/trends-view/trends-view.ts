/**
 * <pd-trends-view>: the "Xu hướng" view — for each series of plans, small multiples (one line chart
 * per metric, its commitment year by year, raised ▲ / lowered ▼ marked, values restated by an
 * implementing plan hollow), each with its data table and CSV; then the issuer × metric heat table
 * of one year, with its CSV. Charts are SVG drawn by Observable Plot, loaded on first use (the
 * other views never pay for it); every chart has a text alternative, and the page prints (tables
 * opened, controls hidden).
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { IssuerMatrix, Trends } from '../../../src/corpus/trends.js';
import { t, type Lang, type MessageKey } from '../../../src/view/i18n.js';
import { chartCsv, heatCsv, heatTable, trendSeriesViews, type TrendChart, type TrendSeriesView } from '../../../src/view/trends-view.js';
import { download } from '../../app/download.js';
import { controls, tables } from '../../styles/shared.js';
import { emit } from '../events.js';

/** Chart options (documented like a layout's defaults). */
export const defaults = {
  /** Width of one small chart (px); the charts wrap on the page. */
  width: 260,
  /** Height of one small chart (px). */
  height: 150,
  /** Percentages are drawn on 0–100; other units on the range of their values. */
  percentDomain: [0, 100] as [number, number],
  /** Line and dot colour (the theme's brand blue). */
  stroke: '#1d4e89',
  /** Colours of raised and lowered points. */
  raised: '#2a7f62',
  lowered: '#b42318',
};

type PlotModule = typeof import('@observablehq/plot');

let plotModule: Promise<PlotModule> | null = null;
/** Observable Plot, imported once, on first use. */
function loadPlot(): Promise<PlotModule> {
  plotModule ??= import('@observablehq/plot');
  return plotModule;
}

@customElement('pd-trends-view')
export class PdTrendsView extends LitElement {
  static override styles = [
    controls,
    tables,
    css`
      :host {
        display: block;
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        gap: 10px;
        align-items: center;
        padding: 10px 14px;
        border-bottom: 1px solid var(--pd-border);
      }
      h2 {
        font-size: 16px;
        margin: 0;
        flex: 1;
      }
      section.series {
        padding: 12px 14px 4px;
        border-bottom: 1px solid var(--pd-border);
        break-inside: avoid-page;
      }
      h3 {
        font-size: 15px;
        margin: 0 0 2px;
      }
      .meta {
        color: var(--pd-muted);
        font-size: 13px;
        margin-bottom: 8px;
      }
      .multiples {
        display: flex;
        flex-wrap: wrap;
        gap: 12px;
      }
      figure {
        margin: 0;
        width: ${defaults.width}px;
        border: 1px solid var(--pd-border);
        border-radius: 8px;
        padding: 6px 8px;
        background: #fff;
        break-inside: avoid;
      }
      figcaption {
        font-size: 12px;
        line-height: 1.35;
        min-height: 2.7em;
        overflow: hidden;
        display: -webkit-box;
        -webkit-line-clamp: 2;
        -webkit-box-orient: vertical;
      }
      .chart {
        min-height: ${defaults.height}px;
      }
      details {
        font-size: 12px;
      }
      details table {
        width: 100%;
      }
      .dropped {
        color: var(--pd-muted);
        font-size: 12px;
      }
      .heat-wrap {
        overflow: auto;
        padding: 10px 14px;
      }
      table.heat th.metric {
        white-space: normal;
        text-transform: none;
        letter-spacing: 0;
        font-weight: 600;
        font-size: 12px;
        min-width: 140px;
        max-width: 220px;
        vertical-align: bottom;
      }
      table.heat td {
        text-align: center;
        white-space: nowrap;
        font-variant-numeric: tabular-nums;
      }
      .note {
        color: var(--pd-muted);
        font-size: 12px;
        padding: 6px 14px 12px;
      }
      .empty {
        padding: 24px 14px;
        color: var(--pd-muted);
      }
      @media print {
        button,
        select,
        summary {
          display: none;
        }
        /* a series longer than a page flows on (kept whole it left the first page blank);
           a chart stays whole, with its full caption */
        section.series {
          break-inside: auto;
        }
        figure {
          break-inside: avoid;
        }
        figcaption {
          display: block;
          overflow: visible;
          -webkit-line-clamp: none;
          min-height: 0;
        }
        /* every metric column of the issuer table on the page: fixed layout over the page width,
           wrapping headings and values, small type */
        .heat-wrap {
          overflow: visible;
          padding: 6px 0;
        }
        table.heat {
          table-layout: fixed;
          width: 100%;
          font-size: 7pt;
        }
        table.heat th,
        table.heat td {
          padding: 2px 1px;
          white-space: normal;
          overflow-wrap: break-word;
          position: static;
        }
        table.heat thead th:first-child {
          width: 12%;
        }
        table.heat th.metric {
          min-width: 0;
          max-width: none;
          font-size: 6.5pt;
          line-height: 1.25;
        }
        table.heat th.metric .dropped {
          font-size: 6.5pt;
        }
        table.heat td,
        table.heat th {
          -webkit-print-color-adjust: exact;
          print-color-adjust: exact;
        }
        thead {
          display: table-header-group;
        }
        tr {
          break-inside: avoid;
        }
      }
    `,
  ];

  /** The series of the corpus and their metrics (from the workspace's `trends`). */
  @property({ attribute: false }) trends: Trends | null = null;
  /** One year's plans side by side, issuer × metric. */
  @property({ attribute: false }) matrix: IssuerMatrix | null = null;
  /** Years the corpus has plans of (the choices of the heat table's year). */
  @property({ attribute: false }) years: number[] = [];
  /** Language of the labels. */
  @property() locale: Lang = 'vi';

  @state() private plotError: string | null = null;

  private series: TrendSeriesView[] = [];
  private drawnFor: Trends | null = null;
  private readonly openForPrint = (): void => this.renderRoot.querySelectorAll('details').forEach((d) => d.setAttribute('open', ''));

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeprint', this.openForPrint);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeprint', this.openForPrint);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('trends')) this.series = this.trends ? trendSeriesViews(this.trends) : [];
  }

  protected override updated(): void {
    if (this.trends && this.trends !== this.drawnFor) void this.drawCharts();
  }

  /** Draws every chart into its slot (Plot builds an SVG per chart). */
  private async drawCharts(): Promise<void> {
    const trends = this.trends;
    this.drawnFor = trends;
    let Plot: PlotModule;
    try {
      Plot = await loadPlot();
    } catch (e) {
      this.plotError = e instanceof Error ? e.message : String(e);
      return;
    }
    if (this.trends !== trends) return;
    for (const s of this.series) {
      for (const c of s.charts) {
        const slot = this.renderRoot.querySelector<HTMLElement>(`[data-chart="${CSS.escape(`${s.id}#${c.id}`)}"]`);
        if (!slot) continue;
        const drawn = this.chart(Plot, s, c);
        // The slot is role="img" with the chart's summary as its name (and the data table below):
        // the drawing itself is decoration to assistive technology (Plot labels its <g> elements).
        drawn.setAttribute('aria-hidden', 'true');
        slot.replaceChildren(drawn);
      }
    }
    emit(this, 'pd-trends-ready', { series: this.series.length, charts: this.series.reduce((n, s) => n + s.charts.length, 0) });
  }

  private chart(Plot: PlotModule, s: TrendSeriesView, c: TrendChart): SVGSVGElement | HTMLElement {
    const percent = c.unit === '%';
    const values = c.points.map((p) => p.value);
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    const color = (change: string): string => (change === 'raised' ? defaults.raised : change === 'lowered' ? defaults.lowered : defaults.stroke);
    return Plot.plot({
      width: defaults.width - 16,
      height: defaults.height,
      marginLeft: 34,
      marginTop: 16,
      ariaLabel: c.metric,
      ariaDescription: c.summary,
      style: { fontSize: '10px', background: 'transparent' },
      x: { domain: [Math.min(...s.years) - 0.3, Math.max(...s.years) + 0.3], ticks: s.years, tickFormat: 'd', label: null },
      y: { domain: percent ? defaults.percentDomain : [Math.min(0, lo), hi > lo ? hi * 1.15 : hi + 1], label: percent ? '%' : c.unit ?? null, grid: true },
      marks: [
        Plot.line(c.points, { x: 'year', y: 'value', stroke: defaults.stroke, strokeWidth: 1.8 }),
        Plot.dot(c.points, {
          x: 'year',
          y: 'value',
          r: 4,
          stroke: (p: TrendChart['points'][number]) => color(p.change),
          fill: (p: TrendChart['points'][number]) => (p.restated ? '#ffffff' : color(p.change)),
          symbol: (p: TrendChart['points'][number]) => (p.change === 'raised' ? 'triangle' : p.change === 'lowered' ? 'diamond' : 'circle'),
          title: (p: TrendChart['points'][number]) => `${p.year}: ${p.label} (${t(this.locale, `change.${p.change}` as MessageKey)})`,
        }),
        Plot.text(c.points, { x: 'year', y: 'value', text: 'label', dy: -9, fontSize: 9 }),
      ],
    });
  }

  private handleChartCsv(s: TrendSeriesView, c: TrendChart): void {
    download(`xu-huong-${c.id}-${s.id.replaceAll('/', '-')}.csv`, new Blob([chartCsv(s, c)], { type: 'text/csv;charset=utf-8' }));
  }

  private handleHeatCsv(): void {
    if (!this.matrix) return;
    download(`chi-tieu-${this.matrix.year}-theo-co-quan.csv`, new Blob([heatCsv(heatTable(this.matrix))], { type: 'text/csv;charset=utf-8' }));
  }

  private handleYear(e: Event): void {
    emit(this, 'pd-trends-year', { year: Number((e.target as HTMLSelectElement).value) });
  }

  private renderChart(s: TrendSeriesView, c: TrendChart) {
    const lang = this.locale;
    return html`<figure data-testid="trend-chart">
      <figcaption title=${c.metric}>${c.metric}</figcaption>
      <div class="chart" data-chart="${s.id}#${c.id}" role="img" aria-label=${c.summary}></div>
      ${c.dropped !== null ? html`<div class="dropped">${t(lang, 'trends.dropped', { year: c.dropped })}</div>` : nothing}
      <details>
        <summary>${t(lang, 'trends.table')}</summary>
        <table data-testid="trend-table">
          <thead>
            <tr><th>${t(lang, 'trends.year')}</th><th>${t(lang, 'trends.value')}</th><th>${t(lang, 'trends.change')}</th></tr>
          </thead>
          <tbody>
            ${c.points.map((p) => html`<tr><td>${p.year}</td><td>${p.label}${p.restated ? '*' : ''}</td><td>${t(lang, `change.${p.change}` as MessageKey)}</td></tr>`)}
          </tbody>
        </table>
        <button data-testid="trend-csv" @click=${() => this.handleChartCsv(s, c)}>⤓ ${t(lang, 'trends.csv')}</button>
      </details>
    </figure>`;
  }

  private renderHeat() {
    const lang = this.locale;
    const m = this.matrix;
    if (!m) return nothing;
    const table = heatTable(m);
    return html`<section class="heat" data-testid="trend-heat">
      <div class="bar">
        <h2>${t(lang, 'trends.heat', { year: m.year })}</h2>
        <label
          >${t(lang, 'trends.year')}
          <select data-testid="trend-year" @change=${this.handleYear}>
            ${this.years.map((y) => html`<option value=${y} ?selected=${y === m.year}>${y}</option>`)}
          </select></label
        >
        <button data-testid="heat-csv" @click=${this.handleHeatCsv}>⤓ ${t(lang, 'trends.csv')}</button>
      </div>
      ${table.rows.length === 0 || table.metrics.length === 0
        ? html`<div class="empty">${t(lang, 'trends.heatNone')}</div>`
        : html`<div class="heat-wrap" tabindex="0" role="region" aria-label=${t(lang, 'trends.heat', { year: m.year })}>
            <table class="heat">
              <thead>
                <tr>
                  <th scope="col">${t(lang, 'trends.issuer')}</th>
                  ${table.metrics.map((x) => html`<th scope="col" class="metric" title=${x.metric}>${x.metric}<div class="dropped">${t(lang, 'trends.issuers', { count: x.issuers })}</div></th>`)}
                </tr>
              </thead>
              <tbody>
                ${table.rows.map(
                  (r) => html`<tr data-testid="heat-row">
                    <th scope="row">${r.issuer}</th>
                    ${r.cells.map((c) => {
                      const light = c.heat === null ? 96 : 94 - c.heat * 50;
                      const style = c.value === null ? '' : `background:hsl(210 55% ${light}%);color:${light < 62 ? '#fff' : 'inherit'}`;
                      return html`<td style=${style} title=${c.file ? `${c.file} · ${c.targetId}` : ''}>${c.label || '—'}</td>`;
                    })}
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`}
    </section>`;
  }

  override render() {
    const lang = this.locale;
    if (!this.trends) return html`<div class="empty">${t(lang, 'trends.loading')}</div>`;
    return html`
      <div class="bar">
        <h2>${t(lang, 'trends.title')}</h2>
        <button @click=${() => window.print()}>${t(lang, 'trends.print')}</button>
      </div>
      ${this.plotError ? html`<div class="empty" role="alert">${this.plotError}</div>` : nothing}
      ${this.series.length === 0 ? html`<div class="empty">${t(lang, 'trends.none')}</div>` : nothing}
      ${this.series.map(
        (s) => html`<section class="series" data-testid="trend-series" data-series=${s.id}>
          <h3>${s.title}</h3>
          <div class="meta">
            ${s.issuer} · ${t(lang, 'trends.editions', { years: s.editions.map((e) => `${e.year}${e.file ? '' : ` (${t(lang, 'trends.citedOnly')})`}`).join(', ') })}
          </div>
          <div class="multiples">${s.charts.map((c) => this.renderChart(s, c))}</div>
        </section>`,
      )}
      ${this.series.some((s) => s.charts.some((c) => c.points.some((p) => p.restated))) ? html`<div class="note">${t(lang, 'trends.restated')}</div>` : nothing}
      ${this.renderHeat()}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pd-trends-view': PdTrendsView;
  }
}
