import { describe, expect, test } from 'vitest';
import {
  bodyByCode,
  bodyByName,
  DEPARTMENTS,
  departmentAt,
  departmentByCode,
  DOCUMENT_TYPES,
  LOCAL_BODIES,
  localBodyByCode,
  NATIONAL_BODIES,
  provinceAt,
  provinceByName,
  PROVINCES,
  readSymbol,
  typeByCode,
  typeByWord,
} from '../../src/vocabulary/index.js';

describe('central bodies: every entry found by each of its codes and names', () => {
  test.each(NATIONAL_BODIES.map((b) => [b.name, b] as const))('%s', (_name, body) => {
    for (const code of body.codes) expect(bodyByCode(code)?.name, code).toBe(body.name);
    expect(bodyByName(body.name.toUpperCase())?.name).toBe(body.name);
    for (const alias of body.aliases ?? []) expect(bodyByName(alias)).not.toBeNull();
    if (body.era === 'before-2025') expect(body.successor, 'a merged body names its successor').toBeTruthy();
    if (body.successor && bodyByName(body.successor)) expect(bodyByName(body.successor)!.era).not.toBe('before-2025');
  });

  test.each([
    ['QH15', 'Quốc hội'],
    ['UBTVQH15', 'Ủy ban Thường vụ Quốc hội'],
    ['UBPLTP15', 'Ủy ban Pháp luật và Tư pháp'],
    ['TTG', 'Thủ tướng Chính phủ'],
    ['BGD&ĐT', 'Bộ Giáo dục và Đào tạo'],
  ])('reads the code "%s" as %s (a term number, capitals, "&")', (code, name) => {
    expect(bodyByCode(code)?.name).toBe(name);
  });

  test('does not read a type code or a department code as a central body', () => {
    expect(bodyByCode('QĐ')).toBeNull();
    expect(bodyByCode('SCT')).toBeNull();
  });
});

describe('local bodies', () => {
  test.each(LOCAL_BODIES.map((b) => [b.name, b] as const))('%s', (_name, body) => {
    for (const code of body.codes) expect(localBodyByCode(code)?.name).toBe(body.name);
  });
});

describe('departments: every entry found by its codes and at the head of a text', () => {
  test.each(DEPARTMENTS.map((d) => [d.name, d] as const))('Sở %s', (_name, d) => {
    for (const code of d.codes) expect(departmentByCode(code)?.name, code).toBe(d.name);
    expect(departmentAt(`${d.name.toUpperCase()} TỈNH KHÁNH HÒA`)?.name).toBe(d.name);
    if (d.successor) expect(DEPARTMENTS.find((x) => x.name === d.successor)?.era).not.toBe('before-2025');
  });

  test('"Văn hóa, Thể thao và Du lịch" is not cut to "Văn hóa và Thể thao", nor "Nông nghiệp và Môi trường" taken for "Nông nghiệp và Phát triển nông thôn"', () => {
    expect(departmentAt('Văn hoá, Thể thao và Du lịch tỉnh Sơn La')?.name).toBe('Văn hóa, Thể thao và Du lịch');
    expect(departmentAt('Nông nghiệp và Môi trường')?.name).toBe('Nông nghiệp và Môi trường');
    expect(departmentAt('Nông nghiệp và Phát triển nông thôn')?.era).toBe('before-2025');
  });
});

describe('provinces before and after the 2025 reorganisation', () => {
  test.each(PROVINCES.map((p) => [p.name, p] as const))('%s', (_name, p) => {
    expect(provinceByName(p.name)?.name).toBe(p.name);
    expect(provinceByName(`${p.kind} ${p.name}`)?.name).toBe(p.name);
    for (const alias of p.aliases ?? []) expect(provinceByName(alias)?.name).toBe(p.name);
    const successor = provinceByName(p.since2025);
    expect(successor?.since2025, 'a successor carries on itself').toBe(successor?.name);
    expect(provinceAt(`${p.name.toUpperCase()} về việc`)?.province.name).toBe(p.name);
  });

  test('63 units before 1 July 2025, 34 since, 6 of them centrally-run cities', () => {
    expect(PROVINCES).toHaveLength(63);
    const since = new Set(PROVINCES.map((p) => p.since2025));
    expect(since.size).toBe(34);
    expect(PROVINCES.filter((p) => p.kind === 'thành phố').map((p) => p.name).sort()).toEqual(['Cần Thơ', 'Huế', 'Hà Nội', 'Hải Phòng', 'Hồ Chí Minh', 'Đà Nẵng'].sort());
  });

  test('reads a name of several words whole ("HỒ CHÍ MINH", "QUẢNG TRỊ"), never its last word alone', () => {
    expect(provinceAt('HỒ CHÍ MINH')?.province.name).toBe('Hồ Chí Minh');
    expect(provinceAt('Quảng Trị, ngày 20')?.province.name).toBe('Quảng Trị');
    expect(provinceAt('Minh')).toBeNull();
  });
});

describe('document types: every entry found by its codes and words', () => {
  test.each(DOCUMENT_TYPES.map((t) => [t.name, t] as const))('%s', (_name, t) => {
    for (const code of t.codes) expect(typeByCode(code)?.name, code).toBe(t.name);
    expect(typeByWord(t.name.toUpperCase())?.name).toBe(t.name);
    for (const w of t.words ?? []) expect(typeByWord(w)?.name).toBe(t.name);
  });
});

describe('symbols', () => {
  test.each<[string, string | null, string | null, string | null]>([
    ['QĐ-TTg', 'Quyết định', 'Thủ tướng Chính phủ', 'national'],
    ['NĐ-CP', 'Nghị định', 'Chính phủ', 'national'],
    ['NQ/TW', 'Nghị quyết', 'Ban Chấp hành Trung ương', 'national'],
    ['VBHN-BCT', 'Văn bản hợp nhất', 'Bộ Công Thương', 'national'],
    ['CT-CS', null, 'Cục Thuế', 'national'],
    ['CT-UBND', 'Chỉ thị', null, 'province'],
    ['KH-SCT', 'Kế hoạch', null, 'department'],
    ['UBND-ĐT', null, null, 'province'],
    ['BC-UBPLTP15', 'Báo cáo', 'Ủy ban Pháp luật và Tư pháp', 'national'],
    ['QĐ-BNN-KHCN', 'Quyết định', 'Bộ Nông nghiệp và Phát triển nông thôn', 'national'],
  ])('reads "%s" as type %s, issuer %s, level %s', (symbol, type, body, level) => {
    const r = readSymbol(symbol);
    expect([r.type?.name ?? null, r.body?.name ?? null, r.level]).toEqual([type, body, level]);
  });
});
