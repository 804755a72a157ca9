import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildLineage } from '../../src/corpus/lineage.js';
import { buildTrends, issuerMatrix, type TrendPlan } from '../../src/corpus/trends.js';
import { commitment, matrixToCsv, matrixToMd, trendsToCsv, trendsToMd, trendsToText, TRENDS_CSV_HEADER } from '../../src/cli/trends.js';
import { issuerMatrixSchema, trendsSchema } from '../../src/schema.js';
import { runCli } from '../cli-run.js';
import { corpusPath, hasShared, SEEDS, seed, sharedPath } from '../corpus.js';

/** The command line run in this process. */
const plandiff = (...args: string[]) => runCli(args);

const CORPUS = corpusPath('');

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

describe('plandiff trends', () => {
  test('trends corpus --json: 344/QĐ-UBND follows 421/QĐ-UBND, whose file is absent', async () => {
    const r = await plandiff('trends', CORPUS, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(trendsSchema.safeParse(out).success).toBe(true);
    expect(out.series[0].editions).toEqual([
      { year: 2024, node: 'QĐ-UBND/421/2024@Khánh Hòa', file: null },
      { year: 2025, node: 'QĐ-UBND/344/2025@Khánh Hòa', file: SEEDS.ubnd2025 },
    ]);
  });

  test('trends corpus --year 2024 --by issuer --format csv prints the matrix', async () => {
    const r = await plandiff('trends', CORPUS, '--year', '2024', '--by', 'issuer', '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.stdout.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toMatch(/^issuer,/);
  });

  test.each([
    ['--by without --year', ['--by', 'issuer'], /--by issuer: needs --year/],
    ['a year that is not one', ['--year', '20x5', '--by', 'issuer'], /--year 20x5: expected a year/],
  ])('rejects %s with one line and a non-zero exit', async (_why, args, message) => {
    const r = await plandiff('trends', CORPUS, ...args);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

/**
 * Real plans and decisions of 2025 of ten provinces, by file name in ../shared (names are the
 * dataset's own hashes), chosen for subjects two or more provinces share: the national drug
 * programme (Đồng Nai, Cần Thơ), the internal procedures of ethnic affairs with the criteria of
 * disadvantaged communes (Quảng Trị, Quảng Ngãi, Cần Thơ, Đồng Nai), mineral exploration
 * procedures (Bắc Ninh, Hà Tĩnh, Cà Mau, Đắk Lắk), the digital economy plans (Bắc Ninh, Đồng Nai)
 * and 5G in industrial parks (Hà Nội, Nghệ An). Three provinces have two or three of them.
 */
const REAL_PROVINCE_PLANS = [
  'realcorpus/f069c23c942c1ec6.md',
  'realcorpus/24c7124ec6b2bf61.md',
  'realcorpus/4c6ac60a4ebc43d6.md',
  'realcorpus/c37e0ca0510350f4.md',
  'realcorpus/5be267825b46d313.md',
  'realcorpus/f75757b004ba80c7.md',
  'realcorpus/cc392cdbbc87983e.md',
  'realcorpus/adc1d34379e9829f.md',
  'realcorpus/8a68cd97082b71f2.md',
  'realcorpus/919fbc8391baa810.md',
  'holdout/adjacent/bacninh-ubnd-2025-144-kh.txt',
  'holdout/adjacent/dongnai-ubnd-2025-179-kh.txt',
  'holdout/adjacent/hanoi-ubnd-2025-310-kh.txt',
  'holdout/adjacent/nghean-ubnd-2025-987-kh.txt',
];

interface MatrixJson {
  metrics: Array<{ id: string; metric: string; unit: string | null; horizon: number | null; issuers: number }>;
  rows: Array<{ issuer: string; province: string | null; files: string[]; cells: Record<string, { unit: string | null; horizon: number | null; value: number; targetId: string; file: string }> }>;
}

describe.skipIf(!hasShared('realcorpus') || !hasShared('holdout/adjacent'))('plandiff trends --year 2025 --by issuer on real plans of ten provinces (needs ../shared)', () => {
  // a folder of copies outside the repository (a folder run does not follow links out of it)
  let dir = '';
  let m: MatrixJson;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plandiff-trends-provinces-'));
    for (const f of REAL_PROVINCE_PLANS) copyFileSync(sharedPath(f), join(dir, basename(f)));
    const r = await runCli(['trends', dir, '--year', '2025', '--by', 'issuer', '--json']);
    expect(r.code, r.stderr).toBe(0);
    m = JSON.parse(r.stdout) as MatrixJson;
    expect(issuerMatrixSchema.safeParse(m).success).toBe(true);
  }, 240_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Ids of the columns whose indicator reads `re`, with the provinces that fill each. */
  const columns = (re: RegExp) => m.metrics.filter((x) => re.test(x.metric)).map((x) => ({ ...x, provinces: m.rows.filter((r) => r.cells[x.id]).map((r) => r.province) }));

  test('one row per province, a province\'s plans of the year together in its row', () => {
    expect(m.rows.map((r) => r.province)).toEqual(['Cần Thơ', 'Hà Nội', 'Bắc Ninh', 'Cà Mau', 'Đắk Lắk', 'Đồng Nai', 'Hà Tĩnh', 'Nghệ An', 'Quảng Ngãi', 'Quảng Trị']);
    expect(m.rows.every((r) => r.issuer.startsWith('UBND '))).toBe(true);
    expect(m.rows.find((r) => r.province === 'Đồng Nai')!.files).toHaveLength(3);
    expect(m.rows.find((r) => r.province === 'Bắc Ninh')!.files).toHaveLength(2);
  });

  test('one indicator written differently by two provinces is one column', () => {
    // "Tỷ lệ hộ có nhà tiêu hợp vệ sinh" (Cần Thơ) and "Tỷ lệ hộ gia đình có nhà tiêu hợp vệ sinh" (the others)
    expect(columns(/nhà tiêu hợp vệ sinh/u).map((c) => c.provinces)).toEqual([['Cần Thơ', 'Đồng Nai', 'Quảng Ngãi', 'Quảng Trị']]);
    // "… không có ma túy" (Cần Thơ) and "… không ma túy" (Đồng Nai)
    expect(columns(/^số xã, phường trên toàn .* ma túy$/u).map((c) => c.provinces)).toEqual([['Cần Thơ', 'Đồng Nai']]);
    expect(columns(/khoáng sản nhóm III$/u).map((c) => [c.unit, c.provinces])).toEqual([['ngày', ['Bắc Ninh', 'Đắk Lắk']]]);
  });

  test('a target restated in a plan\'s appendix is one column, which the other province\'s same indicator joins', () => {
    const bank = columns(/tài khoản giao dịch .*ngân hàng/u);
    expect(bank.map((c) => c.provinces)).toEqual([['Bắc Ninh', 'Đồng Nai']]);
    // due by 2030 in plans of 2025: the heading says so
    expect(bank[0]!.horizon).toBe(2030);
    expect(matrixToMd(m as never)).toContain(`${bank[0]!.metric} (2030) |`);
    for (const r of m.rows) {
      const seen = new Set<string>();
      for (const c of Object.values(r.cells)) {
        expect(seen.has(`${c.file}#${c.targetId}`)).toBe(false);
        seen.add(`${c.file}#${c.targetId}`);
      }
    }
  });

  test('a column holds one unit and one year due: no duration beside a rate, no 2030 figure beside a 2025 one', () => {
    for (const x of m.metrics) {
      const cells = m.rows.flatMap((r) => (r.cells[x.id] ? [r.cells[x.id]!] : []));
      const units = new Set(cells.map((c) => c.unit ?? '%'));
      expect(units.size, x.metric).toBe(1);
      if (x.horizon !== null) expect(cells.filter((c) => c.horizon !== null && c.horizon !== x.horizon), x.metric).toEqual([]);
    }
  });
});
