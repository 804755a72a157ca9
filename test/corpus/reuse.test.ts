import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { minhashSignature, REUSE_DEFAULTS, ReuseIndex, shingleHashes, skeletonShingles, SKELETON_PHRASES } from '../../src/corpus/reuse.js';
import { abbreviationsFor } from '../../src/text/abbreviations.js';
import { makeFolder } from '../../src/text/fold.js';
import { loadSeeds, synthesize } from '../../src/node/synth.js';

/** Comparison forms of printed paragraphs, with the glossary and the paragraphs' own definitions. */
function norms(paragraphs: readonly string[]): string[] {
  const fold = makeFolder(abbreviationsFor(paragraphs.join('\n')));
  return paragraphs.map(fold);
}

/** Paragraphs of a corpus file with at least `minWords` words, in order. */
function corpusParagraphs(file: string, minWords: number): string[] {
  return readFileSync(new URL(`../../corpus/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.split(/\s+/u).length >= minWords);
}

const W = REUSE_DEFAULTS.shingleWords;

// Seed 000 I.1.a and seed 003 I.1.a are the same sentence.
const SCT_I1A =
  'a) Đẩy mạnh triển khai công tác cải cách TTHC theo các văn bản, chương trình, kế hoạch, đề án đã được Chính phủ, Thủ tướng Chính phủ ban hành, theo văn bản chỉ đạo của UBND tỉnh, bảo đảm thực hiện có kết quả, thực chất, hoàn thành các mục tiêu, nhiệm vụ và giải pháp đề ra trong năm 2024.';
// Seed 000 I.3 first bullet and seed 003's, which changes "đơn vị thuộc và trực thuộc sở" into "cơ sở giáo dục".
const SCT_I3 =
  'Bảo đảm sự phân công, phối hợp rõ ràng, hợp lý trên cơ sở chức năng, nhiệm vụ của từng phòng, đơn vị thuộc và trực thuộc sở; xác định cụ thể, rõ ràng trách nhiệm thực hiện, thời hạn thực hiện và dự kiến sản phẩm.';
const GDDT_I3 =
  'Bảo đảm sự phân công, phối hợp rõ ràng, hợp lý trên cơ sở chức năng, nhiệm vụ của từng phòng, cơ sở giáo dục; xác định cụ thể, rõ ràng trách nhiệm thực hiện, thời hạn thực hiện và dự kiến sản phẩm.';
// Seed 001 I.1 (Bắc Giang) and seed 002 I.1 (Gia Lai): their own texts.
const BG_I1 =
  'Bảo đảm công khai, minh bạch các thông tin về thủ tục hành chính nhằm tạo điều kiện cho cá nhân, tổ chức tiếp cận, thực hiện thủ tục hành chính; kịp thời tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định, thủ tục hành chính.';
const GL_I1 =
  'Tiếp tục xây dựng nền hành chính dân chủ, chuyên nghiệp, hiện đại, tinh gọn, hiệu lực, hiệu quả, có năng lực kiến tạo phát triển, liêm chính, phục vụ nhân dân, trên cơ sở những quan điểm, chủ trương, đường lối của Đảng.';

describe('shingleHashes', () => {
  test.each([
    ['Mục đích', '001 I.1 heading'],
    ['Yêu cầu:', '000 I.3 heading'],
    ['Chỉ tiêu thực hiện', '003 I.2 heading'],
  ])('gives no shingle for a heading shorter than a shingle ("%s", %s)', (text) => {
    expect(shingleHashes(norms([text])[0]!, W)).toEqual([]);
  });

  test('gives one shingle per window of words (000 I.1.a)', () => {
    const norm = norms([SCT_I1A])[0]!;
    expect(shingleHashes(norm, W)).toHaveLength(norm.split(' ').length - W + 1);
  });

  test('hashes the same words the same way and a different order differently', () => {
    expect(shingleHashes('tăng cường kỷ luật kỷ cương hành chính', W)).toEqual(shingleHashes('tăng cường kỷ luật kỷ cương hành chính', W));
    expect(shingleHashes('kỷ luật tăng cường kỷ cương hành chính', W)).not.toEqual(shingleHashes('tăng cường kỷ luật kỷ cương hành chính', W));
  });
});

describe('skeleton', () => {
  test('holds the shingles of the stock closing sentence ("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc", 001 and 004)', () => {
    const skeleton = skeletonShingles(SKELETON_PHRASES, W);
    const bg = norms(['Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị các phòng, trung tâm thuộc Sở'])[0]!;
    const first = shingleHashes(bg, W)[0]!;
    expect(skeleton.has(first)).toBe(true);
  });

  test('does not hold the shingles of a real task (001 I.1)', () => {
    const skeleton = skeletonShingles(SKELETON_PHRASES, W);
    expect(shingleHashes(norms([BG_I1])[0]!, W).some((h) => skeleton.has(h))).toBe(false);
  });
});

describe('minhashSignature', () => {
  test('has no signature for an empty set and a full one otherwise', () => {
    expect(minhashSignature(new Uint32Array(0), 64)).toBeNull();
    const sig = minhashSignature(Uint32Array.from([1, 2, 3]), 64);
    expect(sig).toHaveLength(64);
  });

  test('agrees in about the share of bins that the sets overlap by (Jaccard 0.5)', () => {
    const a = Uint32Array.from({ length: 3000 }, (_, i) => i * 2654435761);
    const b = Uint32Array.from({ length: 3000 }, (_, i) => (i + 1000) * 2654435761);
    const sa = minhashSignature(a, 256)!;
    const sb = minhashSignature(b, 256)!;
    const agree = sa.filter((v, i) => v === sb[i]).length / 256;
    expect(agree).toBeGreaterThan(0.4);
    expect(agree).toBeLessThan(0.6);
  });
});

describe('ReuseIndex', () => {
  test('pairs two plans that share their text (000 and 003) and not a third with its own (001)', () => {
    const index = new ReuseIndex();
    index.add(norms([SCT_I1A, SCT_I3]));
    index.add(norms([SCT_I1A, GDDT_I3]));
    index.add(norms([BG_I1, GL_I1]));
    const pairs = index.pairs();
    expect(pairs.map((p) => [p.a, p.b])).toEqual([[0, 1]]);
    expect(pairs[0]!.score).toBeGreaterThan(0.6);
    expect(pairs[0]!.score).toBeLessThan(1);
  });

  test('does not pair plans whose only common text is the standard skeleton (001 and 004 closing sentences)', () => {
    const a = norms([
      'Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị các phòng, trung tâm thuộc Sở',
      'Quyết định này có hiệu lực thi hành kể từ ngày ký.',
    ]);
    const b = norms([
      'Trong quá trình thực hiện, nếu có khó khăn, vướng mắc các cơ quan, đơn vị, địa phương kịp thời báo cáo UBND tỉnh',
      'Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.',
    ]);
    const withSkeleton = new ReuseIndex({ minShared: 1 });
    withSkeleton.add(a);
    withSkeleton.add(b);
    expect(withSkeleton.pairs()).toEqual([]);
    const without = new ReuseIndex({ minShared: 1, skeleton: [] });
    without.add(a);
    without.add(b);
    expect(without.pairs()).toHaveLength(1);
  });

  test('discounts a paragraph every plan of a large corpus carries (document frequency)', () => {
    // 25 paragraphs of seed 002 sharing no shingle with one another (the plan repeats some of its objectives as tasks).
    const seen = new Set<number>();
    const own = corpusParagraphs('gia-lai/2021-2025-so-cong-thuong-cai-cach-hanh-chinh.txt', 30)
      .filter((p) => {
        const hs = shingleHashes(norms([p])[0]!, W);
        if (hs.some((h) => seen.has(h))) return false;
        for (const h of hs) seen.add(h);
        return true;
      })
      .slice(0, 25);
    const common = 'Tổ chức thực hiện có hiệu quả, chất lượng trên các mặt công tác cải cách, kiểm soát thủ tục hành chính và cơ chế một cửa, một cửa liên thông trên địa bàn tỉnh.';
    expect(own).toHaveLength(25);
    const run = (dfMinDocs: number) => {
      const index = new ReuseIndex({ dfMinDocs });
      for (const p of own) index.add(norms([p, common]));
      return index.pairs();
    };
    expect(run(REUSE_DEFAULTS.dfMinDocs)).toEqual([]);
    expect(run(1000).length).toBeGreaterThan(0);
  });

  test('does not pair a short clause on a handful of shared words, however contained (minShared)', () => {
    const index = new ReuseIndex();
    index.add(norms(['Tăng cường kỷ luật, kỷ cương hành chính trong tiếp nhận']));
    index.add(norms(['Tăng cường kỷ luật, kỷ cương hành chính trong tiếp nhận giải quyết TTHC, cung cấp dịch vụ công, kịp thời khắc phục đối với các trường hợp']));
    expect(index.pairs()).toEqual([]);
  });

  test('keeps each plan\'s strongest partners only (maxPartners)', () => {
    const index = new ReuseIndex({ maxPartners: 2 });
    for (let i = 0; i < 8; i++) index.add(norms([SCT_I1A, SCT_I3, BG_I1]));
    const pairs = index.pairs();
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs.length).toBeLessThanOrEqual(8 * 2);
  });

  test('scores only LSH candidates, never all pairs, and finds the synthetic plans\' parents', () => {
    const plans = [...synthesize(loadSeeds(new URL('../../corpus', import.meta.url).pathname), { count: 200, seed: 3 })];
    const index = new ReuseIndex();
    for (const p of plans) index.add(norms(p.text.split('\n')));
    const pairs = index.pairs();
    const n = plans.length;
    expect(index.stats.scored).toBeLessThanOrEqual(n * REUSE_DEFAULTS.maxCandidates);
    expect(index.stats.scored).toBeLessThan((n * (n - 1)) / 2);
    const at = new Map(plans.map((p, i) => [p.file, i]));
    const linked = new Set(pairs.map((p) => `${p.a}-${p.b}`));
    const withParent = plans.map((p, i) => [i, at.get(p.derivedFrom)] as const).filter(([, j]) => j !== undefined);
    const found = withParent.filter(([i, j]) => linked.has(`${Math.min(i, j!)}-${Math.max(i, j!)}`)).length;
    expect(found / withParent.length).toBeGreaterThan(0.6);
  });

  test('gives the same pairs for the same input', () => {
    const build = () => {
      const index = new ReuseIndex();
      index.add(norms([SCT_I1A, SCT_I3]));
      index.add(norms([SCT_I1A, GDDT_I3]));
      return index.pairs();
    };
    expect(build()).toEqual(build());
  });

  test.each([
    [{ hashes: 100 }, 'reuse option hashes: expected a power of two, got 100'],
    [{ rows: 3 }, 'reuse option rows: expected a divisor of 256, got 3'],
  ])('refuses a bad option %o with a message naming it', (options, message) => {
    expect(() => new ReuseIndex(options)).toThrow(message);
  });

  test('never throws on garbage text', () => {
    const index = new ReuseIndex();
    const junk = ['', ' ', '\u0000\u0001\u0002', '🙂 🙂 🙂 🙂 🙂 🙂 🙂', 'a '.repeat(10_000), '%%%% 1.000 6,5% /// ---', '\uD800 lone surrogate here and there again and again'];
    for (const j of junk) index.add([j, j.toUpperCase()]);
    index.add([]);
    expect(() => index.pairs()).not.toThrow();
  });
});
