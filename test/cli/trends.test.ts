import { describe, expect, test } from 'vitest';
import { buildLineage } from '../../src/corpus/lineage.js';
import { buildTrends, issuerMatrix, type TrendPlan } from '../../src/corpus/trends.js';
import { commitment, matrixToCsv, matrixToMd, trendsToCsv, trendsToMd, trendsToText, TRENDS_CSV_HEADER } from '../../src/cli/trends.js';
import { issuerMatrixSchema, trendsSchema } from '../../src/schema.js';
import { runBinarySync } from '../binary.js';
import { SEEDS, seed } from '../corpus.js';


/** The package's binary (package.json `bin`), built by the test setup, as a user runs it. */
const plandiff = (...args: string[]) => runBinarySync(args);

const docs = (Object.keys(SEEDS) as Array<keyof typeof SEEDS>).map((k) => ({ file: SEEDS[k], doc: seed(k) }));
const plans: TrendPlan[] = docs.map((d) => ({ file: d.file, meta: d.doc.meta, targets: d.doc.targets }));
const trends = buildTrends(buildLineage(docs, { reuse: false }), plans);

describe('trends output formats', () => {
  test('CSV: one row per metric and year, the 2024 → 2025 payment target on two rows', () => {
    const csv = trendsToCsv(trends).replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe(TRENDS_CSV_HEADER.join(','));
    const payment = lines.filter((l) => l.includes('Tỷ lệ thanh toán trực tuyến'));
    expect(payment.map((l) => l.split(',').slice(-10, -4))).toEqual([
      ['2024', '>=', '45', '%', '2024', 'new'],
      // a leading '=' is defused for spreadsheets, as in the target CSV
      ['2025', "'=", '60', '%', '2025', 'raised'],
    ]);
  });

  test('markdown: a table per series, a column per year, raised marked ↑ and restated values starred', () => {
    const md = trendsToMd(trends);
    expect(md).toContain('| Metric | 2024 | 2025 |');
    expect(md).toMatch(/\| Tỷ lệ thanh toán trực tuyến[^|]*\| ≥ 45%\* \| 60% ↑ \|/u);
    expect(md).toMatch(/\| đơn giản hóa TTHC \| ≥ 20%\* \| \(dropped\) \|/u);
  });

  test('text names the editions, the cited-only one included', () => {
    expect(trendsToText(trends)).toContain(`UBND tỉnh Khánh Hòa — 2024: cited only; 2025: ${SEEDS.ubnd2025}`);
  });

  test('the issuer matrix of 2024: the two Khánh Hòa departments side by side, CSV and markdown', () => {
    const m = issuerMatrix(plans, 2024);
    expect(m.rows.map((r) => r.issuer)).toEqual(['Sở Công Thương tỉnh Khánh Hòa', 'Sở Giáo dục và Đào tạo tỉnh Khánh Hòa']);
    const payment = m.metrics.find((x) => x.metric.startsWith('Tỷ lệ thanh toán trực tuyến'))!;
    expect(payment.issuers).toBe(2);
    expect(m.rows.map((r) => commitment(r.cells[payment.id]!))).toEqual(['≥ 45%', '≥ 45%']);
    const csv = matrixToCsv(m).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(csv).toHaveLength(3);
    expect(matrixToMd(m)).toContain('# Targets of 2024 by issuer');
  });

  test('the JSON shapes pass their published schemas', () => {
    expect(trendsSchema.safeParse(trends).success).toBe(true);
    expect(issuerMatrixSchema.safeParse(issuerMatrix(plans, 2024)).success).toBe(true);
  });
});

describe('plandiff trends (built binary)', () => {
  test('trends corpus --json: 344/QĐ-UBND follows 421/QĐ-UBND, whose file is absent', () => {
    const r = plandiff('trends', 'corpus', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(trendsSchema.safeParse(out).success).toBe(true);
    expect(out.series[0].editions).toEqual([
      { year: 2024, node: 'QĐ-UBND/421/2024@Khánh Hòa', file: null },
      { year: 2025, node: 'QĐ-UBND/344/2025@Khánh Hòa', file: SEEDS.ubnd2025 },
    ]);
  });

  test('trends corpus --year 2024 --by issuer --format csv prints the matrix', () => {
    const r = plandiff('trends', 'corpus', '--year', '2024', '--by', 'issuer', '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.stdout.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toMatch(/^issuer,/);
  });

  test.each([
    ['--by without --year', ['--by', 'issuer'], /--by issuer: needs --year/],
    ['a year that is not one', ['--year', '20x5', '--by', 'issuer'], /--year 20x5: expected a year/],
  ])('rejects %s with one line and a non-zero exit', (_why, args, message) => {
    const r = plandiff('trends', 'corpus', ...args);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
