/**
 * Styles shared by the components' shadow roots: controls (buttons, selects, inputs), chips for
 * statuses and markers, tables. Colours come from the tokens in theme.css.
 */
import { css } from 'lit';

export const controls = css`
  :host {
    font: inherit;
    color: var(--pd-text);
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  button,
  select,
  input[type='search'],
  input[type='text'] {
    font: inherit;
    color: inherit;
    border: 1px solid var(--pd-border-strong);
    background: var(--pd-surface);
    border-radius: 6px;
    padding: 5px 10px;
    min-height: 32px;
  }
  button {
    cursor: pointer;
    display: inline-flex;
    align-items: center;
    gap: 6px;
    white-space: nowrap;
  }
  button:hover:not(:disabled) {
    background: #eef3f9;
    border-color: var(--pd-brand-2);
  }
  button:disabled {
    opacity: 0.5;
    cursor: default;
  }
  button.primary {
    background: var(--pd-brand-2);
    color: #fff;
    border-color: var(--pd-brand-2);
  }
  button.primary:hover:not(:disabled) {
    background: var(--pd-brand);
  }
  button.ghost {
    border-color: transparent;
    background: transparent;
  }
  button[aria-pressed='true'] {
    background: var(--pd-brand-2);
    color: #fff;
    border-color: var(--pd-brand-2);
  }
  /* pressed stays dark with white text on hover (it turned white on white) */
  button[aria-pressed='true']:hover:not(:disabled) {
    background: var(--pd-brand);
    color: #fff;
    border-color: var(--pd-brand);
  }
  :is(button, select, input, a):focus-visible {
    outline: 2px solid var(--pd-focus);
    outline-offset: 1px;
  }
  a {
    color: var(--pd-link);
    text-decoration: none;
  }
  a:hover {
    text-decoration: underline;
  }
  label.check {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    cursor: pointer;
    user-select: none;
  }
  .muted {
    color: var(--pd-muted);
  }
  .mono {
    font-family: var(--pd-font-mono);
    font-size: 12px;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
  }
  .card {
    background: var(--pd-surface);
    border: 1px solid var(--pd-border);
    border-radius: var(--pd-radius);
    box-shadow: var(--pd-shadow);
  }
`;

export const chips = css`
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 0 8px;
    border-radius: 999px;
    font-size: 12px;
    line-height: 20px;
    white-space: nowrap;
    border: 1px solid transparent;
    background: #edf1f6;
    color: var(--pd-muted);
  }
  .chip.identical,
  .chip.copied {
    background: #eef1f5;
    color: var(--pd-identical-text);
  }
  .chip.modified {
    background: var(--pd-modified-bg);
    color: var(--pd-modified-text);
    border-color: #f0d9a0;
  }
  .chip.moved {
    background: var(--pd-moved-bg);
    color: var(--pd-moved-text);
    border-color: #d8c8f5;
  }
  .chip.dropped,
  .chip.lowered,
  .chip.weakened,
  .chip.high {
    background: var(--pd-dropped-bg);
    color: var(--pd-dropped-text);
    border-color: #f4c2bf;
  }
  .chip.added,
  .chip.raised,
  .chip.strengthened {
    background: var(--pd-added-bg);
    color: var(--pd-added-text);
    border-color: #b9e2c8;
  }
  .chip.medium {
    background: var(--pd-modified-bg);
    color: var(--pd-modified-text);
  }
  .chip.low {
    background: #edf1f6;
    color: var(--pd-muted);
  }
  .chip.national {
    background: #f7e6ec;
    color: var(--pd-national);
  }
  .chip.province {
    background: #e4edf8;
    color: var(--pd-province);
  }
  .chip.department {
    background: #e2f2ec;
    color: var(--pd-department-text);
  }
  .chip.district {
    background: var(--pd-modified-bg);
    color: var(--pd-district-text);
  }
`;

export const tables = css`
  table {
    border-collapse: separate;
    border-spacing: 0;
    width: 100%;
  }
  th,
  td {
    text-align: left;
    vertical-align: top;
    padding: 8px 10px;
    border-bottom: 1px solid var(--pd-border);
  }
  th {
    position: sticky;
    top: 0;
    z-index: 1;
    background: #f8fafc;
    font-weight: 600;
    font-size: 12px;
    text-transform: uppercase;
    letter-spacing: 0.02em;
    color: var(--pd-muted);
    white-space: nowrap;
  }
  th button.sort {
    all: unset;
    cursor: pointer;
    display: inline-flex;
    gap: 4px;
    align-items: center;
  }
  th button.sort:focus-visible {
    outline: 2px solid var(--pd-focus);
  }
  tbody tr:hover td {
    background: #f8fbff;
  }
  td.num,
  th.num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
`;
