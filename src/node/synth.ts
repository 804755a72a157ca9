/**
 * Synthetic corpus for benchmarks: derivatives of the seed plans, each made from an earlier plan
 * (or a seed) with clauses dropped, reworded, moved and added, labels renumbered, another province,
 * department and year, a number of its own, and a "Thực hiện …" line citing the plan it implements.
 * Deterministic for a given seed. Texts are yielded one at a time (a bounded pool of recent plans
 * is kept as parents), or written to a folder.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { SYNTH_LINES } from '../patterns/lineage.js';
import { SYNTH_VALUES } from '../patterns/series.js';
import { stripDiacritics } from '../text/vietnamese.js';

/** One seed plan. */
export interface SeedPlan {
  /** Path relative to the seed folder. */
  file: string;
  text: string;
}

/** How the corpus is made. */
export interface SynthOptions {
  /** Number of plans. */
  count: number;
  /** Seed of the pseudo-random generator (same seed, same corpus). */
  seed: number;
  /** Chance that a labelled clause is dropped. */
  dropRate: number;
  /** Chance that a labelled clause is reworded. */
  rewordRate: number;
  /** Chance that a labelled clause swaps place with the next one of the same kind. */
  moveRate: number;
  /** Chance that a new clause is inserted after a labelled clause. */
  addRate: number;
  /** Chance that a plan leaves its number blank ("Số: /KH-SCT"). */
  blankNumberRate: number;
  /** Chance that a plan derives from a seed rather than from an earlier synthetic plan. */
  seedRate: number;
  /** Share of province-level decisions (the rest are department plans implementing them). */
  decisionRate: number;
  /** How many recent plans are kept as possible parents (bounds memory). */
  poolSize: number;
}

/** Defaults: mild mutations, so that families of related plans form as in real corpora. */
export const SYNTH_DEFAULTS: Readonly<SynthOptions> = {
  count: 100,
  seed: 1,
  dropRate: 0.08,
  rewordRate: 0.15,
  moveRate: 0.05,
  addRate: 0.03,
  blankNumberRate: 0.1,
  seedRate: 0.05,
  decisionRate: 0.1,
  poolSize: 200,
};

/** One synthetic plan. */
export interface SynthPlan {
  /** Relative path ("gia-lai/2026-kh-stc-00123.txt"). */
  file: string;
  text: string;
  /** Its number, null when left blank. */
  number: string | null;
  /** Its symbol ("KH-STC", "QĐ-UBND"). */
  symbol: string;
  year: number;
  province: string;
  /** File of the plan its text derives from (a seed's path for the first generation). */
  derivedFrom: string;
  /** Key of the document its "Thực hiện" line cites, when it has a number ("QĐ-UBND/421/2024"). */
  implements: string | null;
}

const PROVINCES = [
  'Khánh Hòa', 'Bắc Giang', 'Gia Lai', 'Nghệ An', 'Thanh Hóa', 'Đắk Lắk', 'Đồng Nai', 'Bắc Ninh',
  'Quảng Ninh', 'Lâm Đồng', 'Bình Định', 'Phú Yên', 'Quảng Nam', 'Quảng Ngãi', 'Hà Tĩnh', 'Quảng Bình',
  'Thái Nguyên', 'Lào Cai', 'Yên Bái', 'Sơn La', 'Điện Biên', 'Lai Châu', 'Hòa Bình', 'Phú Thọ',
  'Vĩnh Phúc', 'Hưng Yên', 'Hải Dương', 'Thái Bình', 'Nam Định', 'Ninh Bình', 'Kon Tum', 'Đắk Nông',
  'Bình Phước', 'Tây Ninh', 'Bình Dương', 'Long An', 'Tiền Giang', 'Bến Tre', 'Vĩnh Long', 'Trà Vinh',
  'An Giang', 'Kiên Giang', 'Cà Mau', 'Bạc Liêu', 'Sóc Trăng', 'Hậu Giang', 'Đồng Tháp', 'Ninh Thuận',
  'Bình Thuận', 'Tuyên Quang', 'Hà Giang', 'Cao Bằng', 'Lạng Sơn', 'Bắc Kạn', 'Hà Nam', 'Quảng Trị',
];

/** Departments: name as printed, other spellings found in plans, symbol. */
const DEPARTMENTS: ReadonlyArray<{ name: string; aliases: string[]; symbol: string }> = [
  { name: 'Sở Công Thương', aliases: [], symbol: 'SCT' },
  { name: 'Sở Giáo dục và Đào tạo', aliases: ['Sở Giáo dục và Đào tạo (GDĐT)', 'Sở GDĐT', 'Sở GD&ĐT'], symbol: 'SGDĐT' },
  { name: 'Sở Tài chính', aliases: [], symbol: 'STC' },
  { name: 'Sở Nội vụ', aliases: [], symbol: 'SNV' },
  { name: 'Sở Tư pháp', aliases: [], symbol: 'STP' },
  { name: 'Sở Y tế', aliases: [], symbol: 'SYT' },
  { name: 'Sở Xây dựng', aliases: [], symbol: 'SXD' },
  { name: 'Sở Khoa học và Công nghệ', aliases: ['Sở KH&CN'], symbol: 'SKHCN' },
  { name: 'Sở Văn hóa, Thể thao và Du lịch', aliases: [], symbol: 'SVHTTDL' },
  { name: 'Sở Nông nghiệp và Môi trường', aliases: [], symbol: 'SNNMT' },
];

/** Word swaps used to reword a clause (both directions). */
const SYNONYMS: ReadonlyArray<[string, string]> = [
  ['Tăng cường', 'Đẩy mạnh'],
  ['tăng cường', 'đẩy mạnh'],
  ['Tiếp tục', 'Chủ động'],
  ['bảo đảm', 'đảm bảo'],
  ['kịp thời', 'nhanh chóng'],
  ['nâng cao', 'cải thiện'],
  ['triển khai', 'tổ chức'],
  ['hiệu quả', 'thiết thực'],
  ['người dân, doanh nghiệp', 'tổ chức, cá nhân'],
  ['rà soát', 'kiểm tra, rà soát'],
  ['thường xuyên', 'định kỳ'],
  ['chặt chẽ', 'nghiêm túc'],
  ['100%', '95%'],
  ['phòng, đơn vị', 'cơ quan, đơn vị'],
];

/** Clauses that may be added to a plan. */
const NEW_CLAUSES: readonly string[] = [
  'Tổ chức hội nghị sơ kết, đánh giá kết quả thực hiện nhiệm vụ cải cách thủ tục hành chính 6 tháng đầu năm, đề xuất giải pháp khắc phục tồn tại, hạn chế.',
  'Bố trí cán bộ có năng lực, kinh nghiệm làm đầu mối kiểm soát thủ tục hành chính tại đơn vị; tập huấn nghiệp vụ ít nhất 01 lần trong năm.',
  'Xây dựng kho dữ liệu điện tử của tổ chức, cá nhân trên Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh, bảo đảm tái sử dụng dữ liệu đã số hóa.',
  'Phối hợp với Bưu điện tỉnh đẩy mạnh tiếp nhận hồ sơ, trả kết quả giải quyết thủ tục hành chính qua dịch vụ bưu chính công ích.',
  'Đăng tải công khai kết quả đánh giá chất lượng phục vụ người dân, doanh nghiệp trên Trang thông tin điện tử của đơn vị hằng quý.',
  'Rà soát, đề xuất phương án phân cấp giải quyết thủ tục hành chính cho cấp huyện, cấp xã theo hướng thuận lợi cho người dân.',
];

/** mulberry32: a small deterministic generator of floats in [0, 1). */
export function makeRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Reads every .txt seed plan under a folder, sorted by path. */
export function loadSeeds(dir: string): SeedPlan[] {
  const out: SeedPlan[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('.txt')) out.push({ file: relative(dir, p).split(sep).join('/'), text: readFileSync(p, 'utf8') });
    }
  };
  walk(dir);
  if (out.length === 0) throw new Error(`synth: no .txt seed plans under ${dir}`);
  return out;
}

/** What the generator knows of a plan it may derive from. */
interface Parent {
  file: string;
  text: string;
  decision: boolean;
  province: string;
  department: (typeof DEPARTMENTS)[number] | null;
  year: number;
  /** The citation another plan writes to implement this one ("Quyết định số 12/QĐ-UBND ngày …"); null when unnumbered. */
  cite: string | null;
  key: string | null;
}

function mostFrequent(text: string, names: readonly string[]): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const n of names) {
    const count = text.split(n).length - 1;
    if (count > bestCount) {
      best = n;
      bestCount = count;
    }
  }
  return best;
}

function seedParent(seed: SeedPlan): Parent {
  const lines = seed.text.split('\n');
  const title = lines.find((l) => SYNTH_LINES.title.test(l)) ?? '';
  const province = mostFrequent(seed.text, PROVINCES) ?? 'Khánh Hòa';
  const deptName = mostFrequent(seed.text, DEPARTMENTS.map((d) => d.name));
  const years = new Map<number, number>();
  for (const part of seed.text.split('năm ').slice(1)) {
    const y = Number(part.slice(0, 4));
    if (y >= 1990 && y <= 2100) years.set(y, (years.get(y) ?? 0) + 1);
  }
  const year = [...years].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 2024;
  const decision = SYNTH_LINES.decisionTitle.test(title);
  return {
    file: seed.file,
    text: seed.text,
    decision,
    province,
    department: decision ? null : DEPARTMENTS.find((d) => d.name === deptName) ?? DEPARTMENTS[0] ?? null,
    year,
    cite: null,
    key: null,
  };
}

function slug(s: string): string {
  return stripDiacritics(s).toLowerCase().split(SYNTH_LINES.slugUnsafe).filter(Boolean).join('-');
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Replaces every occurrence of a name (and its upper-case form). */
function replaceName(text: string, from: string, to: string): string {
  if (from === to) return text;
  return text.split(from).join(to).split(from.toUpperCase()).join(to.toUpperCase());
}

/** Relabels "1." items and "a)" points in order after drops and moves; numbering restarts at sections. */
function renumber(lines: string[], from: number): void {
  const LETTERS = 'abcdđeghiklmnopqrstuvxy';
  let item = 0;
  let point = 0;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] as string;
    if (SYNTH_LINES.section.test(line)) {
      item = 0;
      point = 0;
      continue;
    }
    const m = SYNTH_LINES.label.exec(line);
    if (!m) continue;
    const [whole, marks, label, space] = m as unknown as [string, string, string, string];
    let next: string | null = null;
    if (SYNTH_LINES.itemLabel.test(label)) {
      item += 1;
      point = 0;
      next = `${item}.`;
    } else if (SYNTH_LINES.pointLabel.test(label)) {
      next = `${LETTERS[Math.min(point, LETTERS.length - 1)]})`;
      point += 1;
    }
    if (next) lines[i] = marks + next + space + line.slice(whole.length);
  }
}

type Random = () => number;
type Department = (typeof DEPARTMENTS)[number];

/** The parent's text under the new plan's province, department and year (names first, so the lines written later keep theirs). */
function renamedText(parent: Parent, province: string, department: Department | null, year: number): string {
  let text = replaceName(parent.text, parent.province, province);
  if (parent.department && department) {
    for (const alias of parent.department.aliases) text = replaceName(text, alias, department.name);
    text = replaceName(text, parent.department.name, department.name);
  }
  return text.split(`năm ${parent.year}`).join(`năm ${year}`);
}

/** The identity block of a generated plan: issuer lines, number line and place and date. */
function planHeader(p: { province: string; department: Department | null; decision: boolean; number: string | null; symbol: string; day: number; month: number; year: number }): string[] {
  return [
    `ỦY BAN NHÂN DÂN TỈNH ${p.province.toUpperCase()}`,
    ...(p.decision ? [] : [(p.department?.name ?? 'Sở Công Thương').toUpperCase()]),
    '',
    `Số: ${p.number ?? ''}/${p.symbol}`,
    '',
    `${p.province}, ngày ${p.number ? p.day : ''} tháng ${pad2(p.month)} năm ${p.year}`,
    '',
  ];
}

/** The lines from the title on, without the parent's annex identity blocks. */
function bodyLines(lines: readonly string[]): string[] {
  const titleAt = Math.max(0, lines.findIndex((l) => SYNTH_LINES.title.test(l)));
  const body: string[] = [];
  let inAnnex = false;
  for (const line of lines.slice(titleAt)) {
    if (!inAnnex && SYNTH_LINES.annexStart.test(line)) inAnnex = true;
    if (inAnnex) {
      if (SYNTH_LINES.annexEnd.test(line)) inAnnex = false;
      continue;
    }
    body.push(line);
  }
  return body;
}

/** Cites the implemented plan: replaces the preamble's "Thực hiện … số …", or adds one after the bases. */
function citeImplemented(body: string[], implementsDoc: Parent | null): void {
  if (!implementsDoc?.cite) return;
  const bodyAt = body.findIndex((l, i) => i > 0 && SYNTH_LINES.bodyStart.test(l));
  const preambleEnd = bodyAt < 0 ? Math.min(body.length, 12) : bodyAt;
  const cite = `Thực hiện ${implementsDoc.cite}`;
  const at = body.findIndex((l, i) => i < preambleEnd && SYNTH_LINES.implementsCitation.test(l));
  if (at >= 0) {
    body[at] = (body[at] as string).replace(SYNTH_LINES.implementsCitation, (_m, marks: string) => marks + cite);
    return;
  }
  let lastBasis = -1;
  for (let i = 0; i < preambleEnd; i++) if (SYNTH_LINES.basis.test(body[i] as string)) lastBasis = i;
  body.splice(lastBasis >= 0 ? lastBasis + 1 : preambleEnd, 0, '', `${cite};`);
}

/** Clause mutations in the body (drop, move, reword, add), then labels renumbered. */
function mutatedClauses(body: string[], o: SynthOptions, random: Random, pick: <T>(xs: readonly T[]) => T): string[] {
  const start = Math.max(0, body.findIndex((l, i) => i > 0 && SYNTH_LINES.bodyStart.test(l)));
  const out: string[] = body.slice(0, start);
  for (let i = start; i < body.length; i++) {
    let line = body[i] as string;
    // Only clauses of some length mutate: dropping a heading ("1. Mục đích") would orphan its points.
    const labelled = SYNTH_LINES.label.test(line) && line.split(' ').length >= 8;
    if (labelled && random() < o.dropRate) continue;
    if (labelled && random() < o.moveRate) {
      const j = body.findIndex((l, q) => q > i && SYNTH_LINES.label.test(l));
      if (j > i && j - i <= 4) {
        const other = body[j] as string;
        body[j] = line;
        line = other;
      }
    }
    if (labelled && random() < o.rewordRate) line = reworded(line, random, pick);
    out.push(line);
    if (labelled && random() < o.addRate) out.push('', `- ${pick(NEW_CLAUSES)}`);
  }
  renumber(out, start);
  return out;
}

/** Three synonym swaps, and sometimes the last clause of a long sentence cut. */
function reworded(line: string, random: Random, pick: <T>(xs: readonly T[]) => T): string {
  for (let n = 0; n < 3; n++) {
    const [a, b] = pick(SYNONYMS);
    line = random() < 0.5 ? line.split(a).join(b) : line.split(b).join(a);
  }
  const comma = line.lastIndexOf(', ');
  return comma > line.length / 2 && random() < 0.5 ? `${line.slice(0, comma)}.` : line;
}

/** The generator. */
export function* synthesize(seeds: readonly SeedPlan[], options: Partial<SynthOptions> = {}): Generator<SynthPlan> {
  const o: SynthOptions = { ...SYNTH_DEFAULTS, ...options };
  if (seeds.length === 0) throw new Error('synth: expected at least one seed plan, got none');
  const random = makeRandom(o.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const seedParents = seeds.map(seedParent);
  const seedsOf = (decision: boolean): Parent[] => {
    const same = seedParents.filter((p) => p.decision === decision);
    return same.length > 0 ? same : seedParents;
  };
  /** Recent plans by form: [department plans, decisions]. */
  const pools: [Parent[], Parent[]] = [[], []];
  /** The latest numbered province-level decision of each province, which department plans implement. */
  const provinceLead = new Map<string, Parent>();

  for (let k = 0; k < o.count; k++) {
    const wantDecision = random() < o.decisionRate;
    const pool = pools[wantDecision ? 1 : 0];
    const parent = pool.length === 0 || random() < o.seedRate ? pick(seedsOf(wantDecision)) : pick(pool);
    const decision = parent.decision;
    const year = Math.min(2035, parent.year + (random() < 0.3 ? 1 : 0));
    const leads = decision ? [] : [...provinceLead.values()].filter((p) => p.year <= year);
    const lead: Parent | null = leads.length > 0 && random() < 0.8 ? pick(leads) : null;
    // A plan implements a plan of its own province: the province's decision, or else its text parent.
    const province = lead?.province ?? (parent.cite ? parent.province : pick(PROVINCES));
    const department = decision ? null : pick(DEPARTMENTS);
    const symbol = decision ? 'QĐ-UBND' : `KH-${department?.symbol ?? 'SCT'}`;
    const number = random() < o.blankNumberRate ? null : String(10 + k);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const issuer = decision ? `UBND tỉnh ${province}` : `${department?.name ?? 'Sở Công Thương'} tỉnh ${province}`;
    const implementsDoc = lead ?? (parent.cite ? parent : null);

    const body = bodyLines(renamedText(parent, province, department, year).split('\n'));
    citeImplemented(body, implementsDoc);
    const header = planHeader({ province, department, decision, number, symbol, day, month, year });
    const planText = [...header, ...mutatedClauses(body, o, random, pick)].join('\n');

    const key = number ? `${symbol}/${number}/${year}` : null;
    const file = `${slug(province)}/${year}-${slug(symbol)}-${String(k).padStart(5, '0')}.txt`;
    const typeWord = decision ? 'Quyết định' : 'Kế hoạch';
    const cite = number ? `${typeWord} số ${number}/${symbol} ngày ${pad2(day)}/${pad2(month)}/${year} của ${issuer} về công tác cải cách thủ tục hành chính năm ${year}` : null;
    const me: Parent = { file, text: planText, decision, province, department, year, cite, key };
    const mine = pools[decision ? 1 : 0];
    mine.push(me);
    if (mine.length > o.poolSize) mine.splice(Math.floor(random() * mine.length), 1);
    if (decision && number) provinceLead.set(province, me);
    yield { file, text: planText, number, symbol, year, province, derivedFrom: parent.file, implements: implementsDoc?.key ?? null };
  }
}

/** Writes a synthetic corpus under `dir` (created if missing); returns the relative paths written. */
export function writeSynthCorpus(dir: string, seeds: readonly SeedPlan[], options: Partial<SynthOptions> = {}): string[] {
  const files: string[] = [];
  for (const plan of synthesize(seeds, options)) {
    const path = join(dir, ...plan.file.split('/'));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, plan.text, 'utf8');
    files.push(plan.file);
  }
  return files;
}

// ---------------------------------------------------------------------------------------------
// Series: several provinces over several years, each year's plans a new edition whose targets move.

/** How a corpus of series is made. */
export interface SeriesSynthOptions {
  /** Provinces (names as printed); each issues one province plan a year. */
  provinces: readonly string[];
  /** First and last year (inclusive). */
  years: readonly [number, number];
  /** Departments per province (the first of the generator's list), each issuing one plan a year implementing the province plan. */
  departments: number;
  /** Seed of the pseudo-random generator. */
  seed: number;
  /** Steps a value below 100 may take from one year to the next, one drawn per value and series (percentage points). */
  steps: readonly number[];
}

/** Defaults: three provinces, 2021–2026, two departments each; values mostly rise, some fall, some stay. */
export const SERIES_SYNTH_DEFAULTS: Readonly<SeriesSynthOptions> = {
  provinces: ['Khánh Hòa', 'Gia Lai', 'Nghệ An'],
  years: [2021, 2026],
  departments: 2,
  seed: 7,
  steps: [0, 5, 5, 10, -5],
};

/** A plan of a synthetic series. */
export interface SeriesSynthPlan extends SynthPlan {
  /** Its series: "province" plans of a province's committee, or a department's. */
  series: string;
  /** The values it writes, in text order, after moving (what the trends should read back). */
  values: number[];
}

/** Moves every value below 100 of a plan's text (percentages in sentences, bare values in table rows):
 * the i-th value becomes base + step(i) × years, kept within 1..100. Returns the text and the values written. */
export function moveValues(text: string, step: (index: number) => number, years: number): { text: string; values: number[] } {
  const values: number[] = [];
  let index = 0;
  const moved = (v: number): number => {
    const out = v >= 100 ? v : Math.max(1, Math.min(100, v + step(index) * years));
    index += 1;
    values.push(out);
    return out;
  };
  const lines = text.split('\n').map((line) => {
    if (SYNTH_VALUES.row.test(line)) {
      return line
        .split('\t')
        .map((cell) => {
          const m = SYNTH_VALUES.cell.exec(cell.trim());
          return m ? `${m[1] ?? ''}${moved(Number(m[2]))}` : cell.replace(SYNTH_VALUES.percent, (v) => String(moved(Number(v))));
        })
        .join('\t');
    }
    return line.replace(SYNTH_VALUES.percent, (v) => String(moved(Number(v))));
  });
  return { text: lines.join('\n'), values };
}

/**
 * Series of plans: for each province and year, the committee's plan (from the decision seed) and
 * one plan of each department implementing it (from a department seed), the year written in the
 * title and body, each with its own number, the values moving year by year by a step drawn once per
 * value and series. Deterministic for a given seed.
 */
export function* synthesizeSeries(seeds: readonly SeedPlan[], options: Partial<SeriesSynthOptions> = {}): Generator<SeriesSynthPlan> {
  const o: SeriesSynthOptions = { ...SERIES_SYNTH_DEFAULTS, ...options };
  if (seeds.length === 0) throw new Error('synth: expected at least one seed plan, got none');
  const random = makeRandom(o.seed);
  const parents = seeds.map(seedParent);
  const decision = parents.find((p) => p.decision) ?? (parents[0] as Parent);
  const dept = parents.find((p) => !p.decision && p.year === decision.year - 1) ?? parents.find((p) => !p.decision) ?? decision;
  const [from, to] = o.years;
  let counter = 0;
  const stepsOf = new Map<string, number[]>();
  const stepFor = (series: string) => (i: number): number => {
    const list = stepsOf.get(series) ?? [];
    while (list.length <= i) list.push(o.steps[Math.floor(random() * o.steps.length)] ?? 0);
    stepsOf.set(series, list);
    return list[i] as number;
  };
  for (let year = from; year <= to; year++) {
    for (const province of o.provinces) {
      counter += 1;
      const number = String(100 + counter);
      const day = 1 + Math.floor(random() * 28);
      const month = 1 + Math.floor(random() * 3);
      const date = `${pad2(day)}/${pad2(month)}/${year}`;
      const lead = `Quyết định số ${number}/QĐ-UBND ngày ${date} của UBND tỉnh ${province} về việc ban hành Kế hoạch cải cách thủ tục hành chính trọng tâm năm ${year} trên địa bàn tỉnh ${province}`;
      const provinceSeries = `${slug(province)}/ubnd`;
      yield seriesPlan(decision, { province, year, number, symbol: 'QĐ-UBND', day, month, department: null, series: provinceSeries, implementsCite: null, step: stepFor(provinceSeries), years: year - from });
      for (const department of DEPARTMENTS.slice(0, o.departments)) {
        counter += 1;
        const series = `${slug(province)}/${slug(department.symbol)}`;
        yield seriesPlan(dept, { province, year, number: String(100 + counter), symbol: `KH-${department.symbol}`, day: Math.min(28, day + 3), month, department, series, implementsCite: lead, implementsKey: `QĐ-UBND/${number}/${year}`, step: stepFor(series), years: year - from });
      }
    }
  }
}

/** One edition of a series from its seed. */
function seriesPlan(
  parent: Parent,
  p: { province: string; year: number; number: string; symbol: string; day: number; month: number; department: (typeof DEPARTMENTS)[number] | null; series: string; implementsCite: string | null; implementsKey?: string; step: (i: number) => number; years: number },
): SeriesSynthPlan {
  const text = renamedText(parent, p.province, p.department, p.year).split(`/${parent.year}`).join(`/${p.year}`);
  const body = bodyLines(text.split('\n'));
  const header = planHeader({ ...p, decision: p.department === null });
  if (p.implementsCite) {
    const at = body.findIndex((l) => SYNTH_LINES.implementsCitation.test(l));
    const cite = `Thực hiện ${p.implementsCite}`;
    if (at >= 0) body[at] = (body[at] as string).replace(SYNTH_LINES.implementsCitation, (_m, marks: string) => marks + cite);
    else body.splice(1, 0, '', `${cite};`);
  }
  const moved = moveValues([...header, ...body].join('\n'), p.step, p.years);
  return {
    file: `${slug(p.province)}/${p.year}-${slug(p.symbol)}-${p.number}.txt`,
    text: moved.text,
    number: p.number,
    symbol: p.symbol,
    year: p.year,
    province: p.province,
    derivedFrom: parent.file,
    implements: p.implementsKey ?? null,
    series: p.series,
    values: moved.values,
  };
}
