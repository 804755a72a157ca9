import { describe, expect, test } from 'vitest';
import {
  buildLineage,
  citedNodeId,
  documentKey,
  inferLevel,
  LineageBuilder,
  lineageSummary,
  planNodeId,
  scopeName,
  siblingGroups,
  type LineageInput,
} from '../../src/corpus/lineage.js';
import { checkLineage, lineageCheckLines } from '../../src/corpus/lineage-check.js';
import { abbreviationsFor } from '../../src/text/abbreviations.js';
import { makeFolder } from '../../src/text/fold.js';
import type { Citation, Clause, DocumentMeta, LineageGraph, ParsedDocument } from '../../src/types.js';

// ---------------------------------------------------------------------------------------------
// Factories: minimal ParsedDocument values with real facts of the seed plans.

function makeMeta(over: Partial<DocumentMeta> = {}): DocumentMeta {
  return {
    type: 'Kế hoạch',
    number: null,
    symbol: null,
    year: null,
    date: null,
    issuer: null,
    place: null,
    province: null,
    level: null,
    title: null,
    carrier: null,
    encoding: 'utf-8',
    warnings: [],
    ...over,
  };
}

function makeCitation(over: Partial<Citation> & Pick<Citation, 'key'>): Citation {
  return {
    type: null,
    number: null,
    symbol: null,
    year: null,
    date: null,
    issuer: null,
    subject: null,
    scope: null,
    relation: 'refers',
    mentions: [{ clauseId: 'preamble.1', text: over.key, span: [0, 1] }],
    ...over,
  };
}

/** Clauses from printed paragraphs, folded with the document's abbreviations like the parser does. */
function makeClauses(paragraphs: readonly string[]): Clause[] {
  const fold = makeFolder(abbreviationsFor(paragraphs.join('\n')));
  return paragraphs.map((text, i) => ({
    id: String(i + 1),
    label: String(i + 1),
    kind: 'item',
    text,
    norm: fold(text),
    span: [0, text.length],
    zone: 'body',
    children: [],
  }));
}

function makeDoc(meta: Partial<DocumentMeta>, citations: Citation[] = [], paragraphs: readonly string[] = []): ParsedDocument {
  return {
    file: null,
    meta: makeMeta(meta),
    clauses: makeClauses(paragraphs),
    header: [],
    preamble: [],
    closing: [],
    footnotes: [],
    abbreviations: {},
    citations,
    targets: [],
  };
}

// Real facts of the seeds.

/** 421/QĐ-UBND of 06/02/2024, implemented by both 2024 Khánh Hòa department plans (seeds 000, 003). */
const QD421 = makeCitation({
  key: 'QĐ-UBND/421/2024',
  type: 'Quyết định',
  number: '421',
  symbol: 'QĐ-UBND',
  year: 2024,
  date: '2024-02-06',
  issuer: 'UBND tỉnh Khánh Hòa',
  subject: 'về việc ban hành Kế hoạch cải cách thủ tục hành chính (TTHC) trọng tâm năm 2024 trên địa bàn tỉnh Khánh Hòa',
  scope: 'Khánh Hòa',
  relation: 'implements',
});

/** 01/NQ-CP of 05/01/2024 (seeds 000, 003) and of 08/01/2025 (seed 004): same number, two documents. */
const NQ01_2024 = makeCitation({ key: 'NQ-CP/01/2024', type: 'Nghị quyết', number: '01', symbol: 'NQ-CP', year: 2024, date: '2024-01-05', issuer: 'Chính phủ' });
const NQ01_2025 = makeCitation({ key: 'NQ-CP/01/2025', type: 'Nghị quyết', number: '01', symbol: 'NQ-CP', year: 2025, date: '2025-01-08', issuer: 'Chính phủ', relation: 'basis' });
/** 63/2010/NĐ-CP (seed 001 "Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ"). */
const ND63 = makeCitation({ key: 'NĐ-CP/63/2010', type: 'Nghị định', number: '63', symbol: 'NĐ-CP', year: 2010, date: '2010-06-08', issuer: 'Chính phủ', relation: 'basis' });
/** 58/KH-UBND of 06/01/2023 "của UBND tỉnh" (seed 001, Bắc Giang). */
const KH58_BG = makeCitation({ key: 'KH-UBND/58/2023', type: 'Kế hoạch', number: '58', symbol: 'KH-UBND', year: 2023, date: '2023-01-06', issuer: 'UBND tỉnh', scope: 'Bắc Giang', relation: 'implements' });

/** Shared text of seeds 000 and 003 (I.1.a, I.3, II intro). */
const SHARED_2024 = [
  'Đẩy mạnh triển khai công tác cải cách TTHC theo các văn bản, chương trình, kế hoạch, đề án đã được Chính phủ, Thủ tướng Chính phủ ban hành, theo văn bản chỉ đạo của UBND tỉnh, bảo đảm thực hiện có kết quả, thực chất, hoàn thành các mục tiêu, nhiệm vụ và giải pháp đề ra trong năm 2024.',
  'Tiếp tục thực hiện tốt công tác cải cách TTHC, rà soát, đơn giản hóa TTHC nội bộ, ứng dụng công nghệ thông tin và hiện đại hóa công tác chỉ đạo, điều hành phục vụ người dân, doanh nghiệp.',
  'Thường xuyên rà soát các quyết định công bố TTHC của bộ, ngành liên quan đến thực thi phương án phân cấp trong giải quyết TTHC đã được Thủ tướng Chính phủ phê duyệt thuộc phạm vi giải quyết của địa phương để kịp thời trình công bố danh mục TTHC thực hiện trên địa bàn tỉnh nhằm tạo thuận lợi, giảm chi phí cho người dân, doanh nghiệp.',
  'Rà soát, phát hiện các bất cập về TTHC, giấy tờ công dân cần cắt giảm, đơn giản hóa, phân cấp thẩm quyền giải quyết, đề xuất, kiến nghị cấp có thẩm quyền sửa đổi, bổ sung văn bản quy phạm pháp luật để thực thi phương án cắt giảm, đơn giản hóa, phân cấp.',
];

/** Seed 001 (Bắc Giang) II.4 and II.5: text no other seed carries. */
const BAC_GIANG = [
  'Thực hiện rà soát TTHC nội bộ trong hệ thống hành chính nhà nước giai đoạn 2022-2025 theo Kế hoạch số 5392/KH-UBND ngày 26/10/2022 của Chủ tịch UBND tỉnh. Bảo đảm 100% TTHC nội bộ được công bố, công khai và rà soát đơn giản hóa.',
  'Kiểm soát chặt chẽ quy trình giải quyết thủ tục hành chính. Phần đầu bảo đảm 100% hồ sơ thủ tục hành chính được giải quyết đúng hạn, trong đó có trên 60% trả trước hạn. Trường hợp, để xảy ra tình trạng chậm muộn phải thực hiện việc xin lỗi người dân, tổ chức.',
  'Nâng cao chất lượng thực thi công vụ của đội ngũ cán bộ, công chức trong phục vụ người dân, doanh nghiệp; xây dựng tác phong lịch sự, thân thiện, gần gũi khi tiếp xúc, làm việc với người dân, doanh nghiệp; xử lý công việc thành thạo, chuyên nghiệp, hướng dẫn tận tình, chu đáo người dân, doanh nghiệp đến thực hiện các thủ tục hành chính.',
];

const SCT_2024: LineageInput = {
  file: 'khanh-hoa/2024-so-cong-thuong-cai-cach-tthc.txt',
  doc: makeDoc(
    { issuer: 'Sở Công Thương tỉnh Khánh Hòa', symbol: 'QĐ-SCT', year: 2024, date: '2024-02', province: 'Khánh Hòa', level: 'department', title: 'Kế hoạch Cải cách thủ tục hành chính trọng tâm năm 2024 của Sở Công Thương' },
    [QD421, NQ01_2024],
    [...SHARED_2024, 'Đẩy nhanh tiến độ sửa đổi, bổ sung các văn bản quy phạm pháp luật (QPPL), văn bản của cấp có thẩm quyền để thực thi phương án đơn giản hóa TTHC nội bộ trên địa bàn tỉnh đã được Chủ tịch Ủy ban nhân dân tỉnh phê duyệt.'],
  ),
};

const GDDT_2024: LineageInput = {
  file: 'khanh-hoa/2024-so-gddt-cai-cach-tthc.txt',
  doc: makeDoc(
    { issuer: 'Sở Giáo dục và Đào tạo tỉnh Khánh Hòa', symbol: 'KH-SGDĐT', year: 2024, date: '2024-02', province: 'Khánh Hòa', level: 'department', title: 'Kế hoạch Cải cách thủ tục hành chính trọng tâm năm 2024' },
    [{ ...QD421, date: '2024-02-06' }, NQ01_2024],
    [...SHARED_2024, 'Đẩy nhanh tiến độ sửa đổi, bổ sung các văn bản quy phạm pháp luật (QPPL), văn bản của cấp có thẩm quyền để thực thi phương án đơn giản hóa TTHC nội bộ trên địa bàn tỉnh đã được Chủ tịch UBND tỉnh phê duyệt.'],
  ),
};

const BG_2023: LineageInput = {
  file: 'bac-giang/2023-so-cong-thuong-kiem-soat-tthc.txt',
  doc: makeDoc(
    { issuer: 'Sở Công Thương tỉnh Bắc Giang', symbol: 'KH-SCT', year: 2023, date: '2023-01', place: 'Bắc Giang', province: 'Bắc Giang', level: 'department' },
    [ND63, KH58_BG],
    BAC_GIANG,
  ),
};

/** The province decision 421/QĐ-UBND itself, as if its file were in the folder. */
const QD421_PLAN: LineageInput = {
  file: 'khanh-hoa/2024-ubnd-421.txt',
  doc: makeDoc(
    { type: 'Kế hoạch', carrier: 'Quyết định', number: '421', symbol: 'QĐ-UBND', year: 2024, date: '2024-02-06', issuer: 'UBND tỉnh Khánh Hòa', province: 'Khánh Hòa', level: 'province', title: 'Kế hoạch cải cách thủ tục hành chính trọng tâm năm 2024 trên địa bàn tỉnh Khánh Hòa' },
    [NQ01_2024],
    SHARED_2024,
  ),
};

function ids(graph: LineageGraph): string[] {
  return graph.nodes.map((n) => n.id);
}

function edge(graph: LineageGraph, source: string, target: string) {
  return graph.edges.find((e) => e.source === source && e.target === target);
}

// ---------------------------------------------------------------------------------------------

describe('inferLevel', () => {
  test.each([
    ['NQ-CP', 'Chính phủ', 'national', '000 "Nghị quyết số 01/NQ-CP … của Chính phủ"'],
    ['QĐ-TTg', 'Thủ tướng Chính phủ', 'national', '000 "Quyết định số 468/QĐ-TTg … của Thủ tướng Chính phủ"'],
    ['NQ/TW', 'Bộ Chính trị', 'national', '004 "Nghị quyết số 57-NQ/TW … của Bộ Chính trị"'],
    ['QH15', null, 'national', '004 "Nghị quyết số 142/2024/QH15" (symbol only)'],
    ['NĐ-CP', null, 'national', '001 "Nghị định số 63/2010/NĐ-CP" (symbol only)'],
    ['VPCP-KSTT', null, 'national', 'holdout "476/VPCP- KSTT" (Văn phòng Chính phủ)'],
    ['QĐ-UBND', 'UBND tỉnh Khánh Hòa', 'province', '000 "Quyết định số 421/QĐ-UBND … của UBND tỉnh Khánh Hòa"'],
    ['KH-UBND', 'UBND tỉnh', 'province', '001 "Kế hoạch số 58/KH-UBND … của UBND tỉnh"'],
    ['QĐ-UBND', 'Chủ tịch UBND tỉnh Khánh Hòa', 'province', '004 "Quyết định số 08/QĐ-UBND … của Chủ tịch UBND tỉnh Khánh Hòa"'],
    ['KH-UBND', 'UBND thành phố Hà Nội', 'province', 'holdout hanoi-ubnd-2025-310-kh (a centrally governed city is a province)'],
    ['KH-SCT', 'Sở Công Thương tỉnh Bắc Giang', 'department', '001 "Số: /KH-SCT", Sở Công Thương'],
    ['KH-SGDĐT', null, 'department', '003 "Số: /KH-SGDĐT" (symbol only)'],
    ['QĐ-SCT', null, 'department', '000 "Quyết định số: /QĐ-SCT" (symbol only)'],
    [null, 'Sở Giáo dục và Đào tạo', 'department', '003 issuer only'],
    ['UBND-KSTT', 'UBND tỉnh', 'province', '000 "Công văn số 12680/UBND-KSTT … của UBND tỉnh"'],
    ['QĐ-UBND', 'UBND huyện Cam Lâm', 'district', 'a district of Khánh Hòa (not in the seeds): the issuer beats the symbol'],
  ])('reads %s / %s as %s (%s)', (symbol, issuer, level) => {
    expect(inferLevel(symbol, issuer)).toBe(level);
  });

  test('reads a law named by its title as national ("Luật Tổ chức chính quyền địa phương", 004)', () => {
    expect(inferLevel(null, null, 'Luật')).toBe('national');
  });

  test('does not guess a level from nothing, nor from a type word any level issues ("Kế hoạch")', () => {
    expect(inferLevel(null, null)).toBeNull();
    expect(inferLevel(null, null, 'Kế hoạch')).toBeNull();
  });
});

describe('identity', () => {
  test('keys a plan by its own number, symbol and year like a citation ("QĐ-UBND/421/2024")', () => {
    expect(documentKey({ number: '421', symbol: 'QĐ-UBND', year: 2024 })).toBe('QĐ-UBND/421/2024');
    expect(documentKey({ number: '63', symbol: '2010/NĐ-CP', year: 2010 })).toBe('NĐ-CP/63/2010');
  });

  test('gives a plan that leaves its number blank ("Số: /KH-SCT", 001) a file id', () => {
    expect(documentKey({ number: null, symbol: 'KH-SCT', year: 2023 })).toBeNull();
    expect(planNodeId(BG_2023.file, BG_2023.doc.meta)).toBe('file:bac-giang/2023-so-cong-thuong-kiem-soat-tthc.txt');
  });

  test.each([
    ['tỉnh Khánh Hòa', 'Khánh Hòa'],
    ['Khánh Hoà', 'Khánh Hòa'],
    ['  Bắc   Giang ', 'Bắc Giang'],
    ['thành phố Hà Nội', 'Hà Nội'],
  ])('scopes "%s" as "%s"', (raw, scope) => {
    expect(scopeName(raw)).toBe(scope);
  });

  test('scopes a local instrument by the citing plan\'s province when the citation has none ("58/KH-UBND … của UBND tỉnh", 001)', () => {
    expect(citedNodeId({ ...KH58_BG, scope: null }, BG_2023.doc.meta)).toBe('KH-UBND/58/2023@Bắc Giang');
  });

  test('does not scope a national instrument ("01/NQ-CP")', () => {
    expect(citedNodeId(NQ01_2024, SCT_2024.doc.meta)).toBe('NQ-CP/01/2024');
  });
});

describe('buildLineage: nodes', () => {
  test('makes one node of a cited document present in the folder (421/QĐ-UBND cited by 000 and 003)', () => {
    const graph = buildLineage([SCT_2024, GDDT_2024, QD421_PLAN], { reuse: false });
    const matches = graph.nodes.filter((n) => n.key === 'QĐ-UBND/421/2024');
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({ id: 'QĐ-UBND/421/2024@Khánh Hòa', file: 'khanh-hoa/2024-ubnd-421.txt', level: 'province', type: 'Kế hoạch' });
  });

  test('merges the same way whatever the order the files come in', () => {
    const forward = buildLineage([QD421_PLAN, SCT_2024, GDDT_2024]);
    const backward = buildLineage([GDDT_2024, SCT_2024, QD421_PLAN]);
    expect(JSON.stringify(backward)).toBe(JSON.stringify(forward));
  });

  test('keeps the same number in two years as two nodes (01/NQ-CP of 2024 and of 2025)', () => {
    const ubnd2025: LineageInput = { file: 'khanh-hoa/2025-ubnd-cai-cach-tthc.txt', doc: makeDoc({ symbol: 'QĐ-UBND', year: 2025, province: 'Khánh Hòa' }, [NQ01_2025]) };
    const graph = buildLineage([SCT_2024, ubnd2025], { reuse: false });
    expect(ids(graph)).toContain('NQ-CP/01/2024');
    expect(ids(graph)).toContain('NQ-CP/01/2025');
  });

  test('keeps local instruments of two provinces apart (58/KH-UBND of Bắc Giang vs a 58/KH-UBND of Khánh Hòa)', () => {
    const khanhHoa: LineageInput = {
      file: 'khanh-hoa/x.txt',
      doc: makeDoc({ symbol: 'KH-SCT', year: 2023, province: 'Khánh Hòa' }, [{ ...KH58_BG, scope: 'Khánh Hòa', issuer: 'UBND tỉnh Khánh Hòa' }]),
    };
    const graph = buildLineage([BG_2023, khanhHoa], { reuse: false });
    expect(graph.nodes.filter((n) => n.key === 'KH-UBND/58/2023').map((n) => n.id).sort()).toEqual(['KH-UBND/58/2023@Bắc Giang', 'KH-UBND/58/2023@Khánh Hòa']);
  });

  test('merges a national instrument cited from two provinces (63/2010/NĐ-CP)', () => {
    const other: LineageInput = { file: 'khanh-hoa/y.txt', doc: makeDoc({ symbol: 'KH-SCT', year: 2024, province: 'Khánh Hòa' }, [ND63]) };
    const graph = buildLineage([BG_2023, other], { reuse: false });
    expect(graph.nodes.filter((n) => n.key === 'NĐ-CP/63/2010')).toHaveLength(1);
  });

  test('keeps two plans with blank numbers as two nodes (seeds 000 and 003)', () => {
    const graph = buildLineage([SCT_2024, GDDT_2024], { reuse: false });
    expect(ids(graph).filter((id) => id.startsWith('file:'))).toEqual(['file:khanh-hoa/2024-so-cong-thuong-cai-cach-tthc.txt', 'file:khanh-hoa/2024-so-gddt-cai-cach-tthc.txt']);
  });

  test('lists the plans of the folder first, each with its file; cited documents have none', () => {
    const graph = buildLineage([SCT_2024, BG_2023], { reuse: false });
    expect(graph.nodes.slice(0, 2).map((n) => n.file)).toEqual([BG_2023.file, SCT_2024.file]);
    expect(graph.nodes.slice(2).every((n) => n.file === undefined)).toBe(true);
  });

  test('fills a cited node from the citation (type, date, issuer, subject as title, level)', () => {
    const graph = buildLineage([SCT_2024], { reuse: false });
    expect(graph.nodes.find((n) => n.key === 'QĐ-UBND/421/2024')).toMatchObject({
      type: 'Quyết định',
      number: '421',
      symbol: 'QĐ-UBND',
      year: 2024,
      date: '2024-02-06',
      issuer: 'UBND tỉnh Khánh Hòa',
      level: 'province',
    });
  });

  test('makes one node of two files with the same identity, held by the first path', () => {
    const copy: LineageInput = { ...QD421_PLAN, file: 'khanh-hoa/2024-ubnd-421-copy.txt' };
    const graph = buildLineage([copy, QD421_PLAN], { reuse: false });
    expect(graph.nodes.filter((n) => n.key === 'QĐ-UBND/421/2024').map((n) => n.file)).toEqual(['khanh-hoa/2024-ubnd-421-copy.txt']);
    expect(graph.edges.some((e) => e.source === e.target)).toBe(false);
  });
});

describe('buildLineage: documents known without their year', () => {
  /** 766/QĐ-TTg, cited by 000 without a date ("Quyết định số 766/QĐ-TTg"), and with one elsewhere (ngày 23/6/2022). */
  const QD766_UNDATED = makeCitation({ key: 'QĐ-TTg/766', type: 'Quyết định', number: '766', symbol: 'QĐ-TTg', year: null, issuer: 'Thủ tướng Chính phủ' });
  const QD766_DATED = makeCitation({ key: 'QĐ-TTg/766/2022', type: 'Quyết định', number: '766', symbol: 'QĐ-TTg', year: 2022, date: '2022-06-23', issuer: 'Thủ tướng Chính phủ' });

  test('merges an undated citation into the one dated document of that number (766/QĐ-TTg)', () => {
    const a = { ...SCT_2024, doc: makeDoc(SCT_2024.doc.meta, [QD766_UNDATED]) };
    const b = { ...GDDT_2024, doc: makeDoc(GDDT_2024.doc.meta, [QD766_DATED]) };
    const graph = buildLineage([a, b], { reuse: false });
    expect(graph.nodes.filter((n) => n.symbol === 'QĐ-TTg').map((n) => n.id)).toEqual(['QĐ-TTg/766/2022']);
    expect(graph.edges.filter((e) => e.target === 'QĐ-TTg/766/2022')).toHaveLength(2);
  });

  test('does not merge an undated citation when two years carry the number (01/NQ-CP of 2024 and 2025)', () => {
    const undated = makeCitation({ key: 'NQ-CP/01', number: '01', symbol: 'NQ-CP', year: null, issuer: 'Chính phủ' });
    const graph = buildLineage([{ ...SCT_2024, doc: makeDoc(SCT_2024.doc.meta, [undated, NQ01_2024, NQ01_2025]) }], { reuse: false });
    expect(ids(graph)).toEqual(expect.arrayContaining(['NQ-CP/01', 'NQ-CP/01/2024', 'NQ-CP/01/2025']));
  });

  test('merges a plan whose date is blank with the dated citations of its number (421/QĐ-UBND)', () => {
    const undatedPlan = { ...QD421_PLAN, doc: makeDoc({ ...QD421_PLAN.doc.meta, year: null, date: null }) };
    const graph = buildLineage([SCT_2024, undatedPlan], { reuse: false });
    const node = graph.nodes.find((n) => n.number === '421');
    expect(node).toMatchObject({ id: 'QĐ-UBND/421/2024@Khánh Hòa', key: 'QĐ-UBND/421/2024', year: 2024, file: 'khanh-hoa/2024-ubnd-421.txt' });
    expect(graph.nodes.filter((n) => n.number === '421')).toHaveLength(1);
  });
});

describe('buildLineage: citation edges', () => {
  test('links a plan to what it implements and what it only mentions, with mention counts', () => {
    const graph = buildLineage([SCT_2024], { reuse: false });
    const from = 'file:khanh-hoa/2024-so-cong-thuong-cai-cach-tthc.txt';
    expect(edge(graph, from, 'QĐ-UBND/421/2024@Khánh Hòa')).toEqual({ source: from, target: 'QĐ-UBND/421/2024@Khánh Hòa', relation: 'implements', score: 1, mentions: 1 });
    expect(edge(graph, from, 'NQ-CP/01/2024')?.relation).toBe('refers');
  });

  test('makes one edge of two citations that land on the same node, keeping the strongest relation', () => {
    const doc = makeDoc({ symbol: 'KH-SCT', year: 2023, province: 'Bắc Giang' }, [
      { ...KH58_BG, relation: 'refers' },
      { ...KH58_BG, scope: null, relation: 'implements' },
    ]);
    const graph = buildLineage([{ file: 'bac-giang/z.txt', doc }], { reuse: false });
    const edges = graph.edges.filter((e) => e.target === 'KH-UBND/58/2023@Bắc Giang');
    expect(edges).toHaveLength(1);
    expect(edges[0]).toMatchObject({ relation: 'implements', mentions: 2 });
  });

  test('does not link a plan to itself when it cites its own number (the annex line of a decision)', () => {
    const self = { ...QD421_PLAN, doc: makeDoc(QD421_PLAN.doc.meta, [QD421]) };
    const graph = buildLineage([self], { reuse: false });
    expect(graph.edges).toEqual([]);
  });

  test('shows siblings: plans implementing the same parent (000 and 003 implement 421/QĐ-UBND)', () => {
    const graph = buildLineage([SCT_2024, GDDT_2024, BG_2023], { reuse: false });
    expect(siblingGroups(graph)).toEqual([{ parent: 'QĐ-UBND/421/2024@Khánh Hòa', plans: ['file:khanh-hoa/2024-so-cong-thuong-cai-cach-tthc.txt', 'file:khanh-hoa/2024-so-gddt-cai-cach-tthc.txt'] }]);
  });
});

describe('buildLineage: reuse edges', () => {
  test('links plans sharing text, older → newer, and leaves a plan with its own text unlinked', () => {
    const graph = buildLineage([SCT_2024, GDDT_2024, BG_2023, QD421_PLAN]);
    const reuse = graph.edges.filter((e) => e.relation === 'reuse');
    expect(reuse.some((e) => e.source.includes('bac-giang') || e.target.includes('bac-giang'))).toBe(false);
    const pair = reuse.find((e) => e.source === 'QĐ-UBND/421/2024@Khánh Hòa' && e.target === 'file:khanh-hoa/2024-so-cong-thuong-cai-cach-tthc.txt');
    expect(pair?.score).toBeGreaterThan(0.5);
  });

  test('scores 1 for plans whose texts differ only by an abbreviation ("Chủ tịch Ủy ban nhân dân tỉnh" in 000, "Chủ tịch UBND tỉnh" in 003)', () => {
    const graph = buildLineage([SCT_2024, GDDT_2024]);
    expect(graph.edges.filter((e) => e.relation === 'reuse').map((e) => e.score)).toEqual([1]);
  });

  test('scores below 1 when part of the smaller plan\'s text is not in the other (the share is of the smaller plan)', () => {
    const longer = { ...GDDT_2024, doc: makeDoc(GDDT_2024.doc.meta, [], [...SHARED_2024, ...BAC_GIANG]) };
    const [reuse] = buildLineage([SCT_2024, longer]).edges.filter((e) => e.relation === 'reuse');
    expect(reuse?.score).toBeGreaterThan(0.5);
    expect(reuse?.score).toBeLessThan(1);
  });

  test('leaves reuse out when asked to', () => {
    expect(buildLineage([SCT_2024, GDDT_2024], { reuse: false }).edges.some((e) => e.relation === 'reuse')).toBe(false);
  });
});

describe('LineageBuilder', () => {
  test('builds the same graph one plan at a time as from an array', () => {
    const builder = new LineageBuilder();
    for (const input of [SCT_2024, GDDT_2024, BG_2023]) builder.add(input);
    expect(builder.finish()).toEqual(buildLineage([SCT_2024, GDDT_2024, BG_2023]));
  });
});

describe('lineageSummary', () => {
  test('lists each implemented parent with its plans and their siblings, then reuse', () => {
    const text = lineageSummary(buildLineage([SCT_2024, GDDT_2024, BG_2023])).join('\n');
    expect(text).toContain('3 plan(s)');
    expect(text).toMatch(/421\/QĐ-UBND \(2024\) — Quyết định, UBND tỉnh Khánh Hòa, 2024-02-06\n {4}← khanh-hoa\/2024-so-cong-thuong-cai-cach-tthc\.txt\n {4}← khanh-hoa\/2024-so-gddt-cai-cach-tthc\.txt\n {4}siblings: 2 plans implement it/u);
    expect(text).toContain('58/KH-UBND (2023)');
    expect(text).toMatch(/Reuse[^\n]*\n {2}[01]\.\d\d {2}khanh-hoa\/2024-so-cong-thuong-cai-cach-tthc\.txt → khanh-hoa\/2024-so-gddt-cai-cach-tthc\.txt/u);
  });

  test('names plans that implement nothing cited', () => {
    const text = lineageSummary(buildLineage([QD421_PLAN], { reuse: false })).join('\n');
    expect(text).toContain('Plans implementing no cited document:\n  421/QĐ-UBND (2024)');
  });
});

describe('odd input', () => {
  const junk = ['', '\u0000\u0001', '🙂'.repeat(50), 'Số: /KH-', '///', 'QĐ-UBND/421/2024@@', 'a'.repeat(5000)];

  test('never throws on garbage documents and still makes a node of each', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const inputs: LineageInput[] = junk.map((s, i) => ({
      file: `junk/${i}.txt`,
      doc: {
        ...makeDoc({ number: rnd() < 0.5 ? s : null, symbol: s || null, year: rnd() < 0.5 ? Number.NaN : 2024, issuer: s, province: s }),
        citations: [
          makeCitation({ key: s }),
          makeCitation({ key: `${s}/x`, relation: 'bogus' as never, mentions: undefined as never }),
          null as never,
        ],
        clauses: [{ ...makeClauses([s])[0]!, norm: undefined as never, children: undefined as never }],
      },
    }));
    inputs.push({ file: 'junk/none.txt', doc: {} as ParsedDocument });
    inputs.push({
      file: 'junk/types.txt',
      doc: {
        ...makeDoc({ number: 421 as never, symbol: 42 as never, issuer: {} as never, province: [] as never, level: 'galaxy' as never, year: '2024' as never }),
        citations: [makeCitation({ key: 'QĐ-UBND/421/2024', symbol: 7 as never, issuer: [] as never, scope: 5 as never, mentions: 'x' as never })],
      },
    });
    const graph = buildLineage(inputs);
    expect(graph.nodes.filter((n) => n.file !== undefined).length).toBeGreaterThan(0);
    expect(() => lineageSummary(graph)).not.toThrow();
  });
});

describe('corpus/ end to end (parseDocument + extractCitations)', async () => {
  const { readdirSync, readFileSync } = await import('node:fs');
  const { parseDocument } = await import('../../src/read/parse.js');
  const { extractCitations } = await import('../../src/extract/citations.js');
  const root = new URL('../../corpus/', import.meta.url);
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.txt')).map((f) => f.split('\\').join('/')).sort();
  const inputs: LineageInput[] = files.map((file) => ({
    file,
    doc: parseDocument(readFileSync(new URL(file, root), 'utf8'), {
      file,
      strategies: { citations: (passages, meta) => extractCitations(passages, { self: meta, province: meta.province }) },
    }),
  }));
  const graph = buildLineage(inputs);
  const reuse = graph.edges.filter((e) => e.relation === 'reuse');
  const SCT = 'file:khanh-hoa/2024-so-cong-thuong-cai-cach-tthc.txt';
  const GDDT = 'file:khanh-hoa/2024-so-gddt-cai-cach-tthc.txt';
  const ubnd2025 = graph.nodes.find((n) => n.file === 'khanh-hoa/2025-ubnd-cai-cach-tthc.txt')!;

  test('has a node with its file for each of the five seed plans, and unique ids', () => {
    expect(graph.nodes.filter((n) => n.file !== undefined)).toHaveLength(5);
    expect(new Set(ids(graph)).size).toBe(graph.nodes.length);
  });

  test('finds Sở Công Thương 2024 ~ Sở GDĐT 2024 the strongest reuse (000 ~ 003)', () => {
    expect(reuse[0]).toMatchObject({ source: SCT, target: GDDT });
    expect(reuse[0]!.score).toBeGreaterThan(0.8);
  });

  test('links both 2024 Khánh Hòa plans to the 2025 province plan by reuse, older → newer (000, 003 → 004)', () => {
    for (const plan of [SCT, GDDT]) {
      const e = reuse.find((x) => x.source === plan && x.target === ubnd2025.id);
      expect(e?.score).toBeGreaterThan(0.25);
      expect(e!.score).toBeLessThan(reuse[0]!.score);
    }
  });

  test('links neither Bắc Giang (001) nor Gia Lai (002) to any plan by reuse', () => {
    expect(reuse.filter((e) => [e.source, e.target].some((id) => id.includes('bac-giang') || id.includes('gia-lai')))).toEqual([]);
  });

  test('shows the 2024 Khánh Hòa plans as siblings implementing 421/QĐ-UBND', () => {
    expect(siblingGroups(graph)).toContainEqual({ parent: 'QĐ-UBND/421/2024@Khánh Hòa', plans: [SCT, GDDT] });
    expect(lineageSummary(graph).join('\n')).toContain('421/QĐ-UBND (2024) — Quyết định, UBND tỉnh Khánh Hòa, 2024-02-06');
  });

  test('keeps 01/NQ-CP of 2024 (000, 003) and of 2025 (004) as two nodes, each cited by its plans', () => {
    expect(graph.edges.filter((e) => e.target === 'NQ-CP/01/2024').map((e) => e.source).sort()).toEqual([SCT, GDDT]);
    expect(graph.edges.filter((e) => e.target === 'NQ-CP/01/2025').map((e) => e.source)).toEqual([ubnd2025.id]);
  });

  test('scopes local instruments by province (5392/KH-UBND of Bắc Giang, 602/QĐ-UBND of Gia Lai)', () => {
    expect(ids(graph)).toContain('KH-UBND/5392/2022@Bắc Giang');
    expect(ids(graph)).toContain('QĐ-UBND/602/2021@Gia Lai');
  });
});

describe('synthetic corpus (src/node/synth.ts) through the parser and the graph', async () => {
  const { loadSeeds, synthesize } = await import('../../src/node/synth.js');
  const { parseDocument } = await import('../../src/read/parse.js');
  const { extractCitations } = await import('../../src/extract/citations.js');
  const seeds = loadSeeds(new URL('../../corpus', import.meta.url).pathname);
  const plans = [...synthesize(seeds, { count: 40, seed: 11 })];
  const inputs: LineageInput[] = plans.map((p) => ({
    file: p.file,
    doc: parseDocument(p.text, { file: p.file, strategies: { citations: (passages, meta) => extractCitations(passages, { self: meta, province: meta.province }) } }),
  }));

  test('is the same for the same seed and different for another', () => {
    expect([...synthesize(seeds, { count: 40, seed: 11 })].map((p) => p.text)).toEqual(plans.map((p) => p.text));
    expect([...synthesize(seeds, { count: 40, seed: 12 })].map((p) => p.text)).not.toEqual(plans.map((p) => p.text));
  });

  test('writes plans the parser reads back with their own number, symbol, year and province', () => {
    const read = inputs.map((x) => [x.doc.meta.number, x.doc.meta.symbol, x.doc.meta.year, x.doc.meta.province]);
    expect(read).toEqual(plans.map((p) => [p.number, p.symbol, p.year, p.province]));
  });

  test('links every plan to the synthetic plan it implements, as one node with its file', () => {
    const graph = buildLineage(inputs, { reuse: false });
    const fileOfKey = new Map(plans.filter((p) => p.number).map((p) => [`${p.symbol}/${p.number}/${p.year}`, p.file]));
    const checked = plans.filter((p) => p.implements && fileOfKey.has(p.implements));
    expect(checked.length).toBeGreaterThan(20);
    for (const p of checked) {
      const input = inputs.find((x) => x.file === p.file)!;
      const parent = graph.nodes.find((n) => n.file === fileOfKey.get(p.implements!))!;
      expect(edge(graph, planNodeId(p.file, input.doc.meta), parent.id)?.relation).toBe('implements');
    }
  });
});

describe('identity across files and citations (real forms of ../shared/realcorpus)', () => {
  test('one document whether its number is written "030" or "30": the citation lands on the file’s node', () => {
    const file: LineageInput = { file: 'a.md', doc: makeDoc(makeMeta({ type: 'Quyết định', number: '030', symbol: 'QĐ-UBND', year: 2025, province: 'Đắk Lắk', level: 'province' })) };
    const citing: LineageInput = {
      file: 'b.md',
      doc: makeDoc(makeMeta({ type: 'Quyết định', number: '12', symbol: 'QĐ-UBND', year: 2025, province: 'Đắk Lắk', level: 'province' }), [
        makeCitation({ key: 'QĐ-UBND/30/2025', type: 'Quyết định', number: '30', symbol: 'QĐ-UBND', year: 2025, scope: 'Đắk Lắk', relation: 'basis' }),
      ]),
    };
    const graph = buildLineage([file, citing], { reuse: false });
    const node = graph.nodes.find((n) => n.file === 'a.md')!;
    expect(graph.edges.filter((e) => e.source !== node.id).map((e) => e.target)).toEqual([node.id]);
    expect(checkLineage([file, citing], graph)).toMatchObject({ splits: [], merges: [], missingFiles: [], strayCitations: [] });
  });

  test('158/2018/NĐ-CP and 158/2025/NĐ-CP are two nodes', () => {
    const a: LineageInput = { file: 'a.md', doc: makeDoc(makeMeta({ type: 'Nghị định', number: '158', symbol: 'NĐ-CP', year: 2018, level: 'national' })) };
    const b: LineageInput = { file: 'b.md', doc: makeDoc(makeMeta({ type: 'Nghị định', number: '158', symbol: 'NĐ-CP', year: 2025, level: 'national' })) };
    const graph = buildLineage([a, b], { reuse: false });
    expect(graph.nodes.map((n) => n.id).sort()).toEqual(['NĐ-CP/158/2018', 'NĐ-CP/158/2025']);
    expect(checkLineage([a, b], graph).merges).toEqual([]);
  });

  test('the check reports a document split into a file node and a cited-only node, and a file without an identity', () => {
    const file: LineageInput = { file: 'a.md', doc: makeDoc(makeMeta({ type: 'Quyết định', number: '5', symbol: 'QĐ-TTg', year: null, level: 'national' })) };
    const other: LineageInput = { file: 'b.md', doc: makeDoc(makeMeta({ type: 'Kế hoạch' })) };
    const graph: LineageGraph = {
      nodes: [
        { id: 'QĐ-TTg/5', key: 'QĐ-TTg/5', type: 'Quyết định', number: '5', symbol: 'QĐ-TTg', year: null, date: null, title: null, issuer: null, level: 'national', file: 'a.md', files: ['a.md'] },
        { id: 'QĐ-TTg/5/2025', key: 'QĐ-TTg/5/2025', type: 'Quyết định', number: '5', symbol: 'QĐ-TTg', year: 2025, date: null, title: null, issuer: null, level: 'national' },
      ],
      edges: [],
    };
    const check = checkLineage([file, other], graph);
    expect(check.splits).toEqual([{ file: 'a.md', fileNode: 'QĐ-TTg/5', citedNode: 'QĐ-TTg/5/2025' }]);
    expect(check.missingFiles).toEqual(['b.md']);
    expect(check.unidentified).toEqual(['b.md']);
    expect(lineageCheckLines(check)[0]).toBe('missing files 1, unidentified files 1, splits 1, wrong merges 0, stray citations 0');
  });

  test('the same number of two provinces is two documents, not a split', () => {
    const a: LineageInput = { file: 'a.md', doc: makeDoc(makeMeta({ type: 'Quyết định', number: '89', symbol: 'QĐ-UBND', year: 2025, province: 'Lai Châu', level: 'province' })) };
    const b: LineageInput = {
      file: 'b.md',
      doc: makeDoc(makeMeta({ type: 'Quyết định', number: '1', symbol: 'QĐ-UBND', year: 2025, province: 'Thanh Hóa', level: 'province' }), [
        makeCitation({ key: 'QĐ-UBND/89/2025', type: 'Quyết định', number: '89', symbol: 'QĐ-UBND', year: 2025, scope: 'Thanh Hóa' }),
      ]),
    };
    const graph = buildLineage([a, b], { reuse: false });
    expect(graph.nodes.map((n) => n.id)).toContain('QĐ-UBND/89/2025@Thanh Hóa');
    expect(checkLineage([a, b], graph)).toMatchObject({ splits: [], strayCitations: [] });
  });
});
