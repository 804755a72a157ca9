import { diffArrays } from 'diff';
import { describe, expect, test } from 'vitest';
import { GLOSSARY } from '../../src/text/abbreviations.js';
import { changeNature, diffKeys, renderDiff, wordDiff } from '../../src/compare/diff.js';
import { makeFolder } from '../../src/text/fold.js';

const fold = makeFolder(GLOSSARY);
const show = (a: string, b: string): string => renderDiff(wordDiff(a, b));

describe('wordDiff', () => {
  test.each([
    [
      'a changed word inside a sentence (000 → 003 II.2.7, "chuyên" fixed to "chuyển")',
      'phục vụ chuyên đổi số Quốc gia giai đoạn 2022 - 2025',
      'phục vụ chuyển đổi số Quốc gia giai đoạn 2022 - 2025',
      'phục vụ <del>chuyên</del> <ins>chuyển</ins> đổi số Quốc gia giai đoạn 2022 - 2025',
    ],
    [
      'a phrase cut from the end (000 → 003 I.1.b)',
      'quy định liên quan đến hoạt động kinh doanh (QĐKD), trong đó tập trung rà soát',
      'quy định liên quan đến hoạt động kinh doanh (QĐKD).',
      'quy định liên quan đến hoạt động kinh doanh (QĐKD)<del>, trong đó tập trung rà soát</del><ins>.</ins>',
    ],
    [
      'a unit replaced (000 III.2 → 003 III.1, "của Sở" → "của cơ quan")',
      'trên Trang Thông tin điện tử của Sở.',
      'trên Trang Thông tin điện tử của cơ quan.',
      'trên Trang Thông tin điện tử của <del>Sở</del><ins>cơ quan</ins>.',
    ],
  ])('marks %s', (_name, a, b, want) => {
    expect(show(a, b)).toBe(want);
  });

  test.each([
    ['a decision number "421/QĐ-UBND" (000 intro)', 'Quyết định số 421/QĐ-UBND ngày 06/02/2024', 'Quyết định số 344/QĐ-UBND ngày 06/02/2024', '421/QĐ-UBND', '344/QĐ-UBND'],
    ['a percentage "6,5%"', 'tăng trưởng đạt 6,5% trở lên', 'tăng trưởng đạt 7,0% trở lên', '6,5%', '7,0%'],
    ['a resolution number "57-NQ/TW" (004 I.1.a)', 'Nghị quyết số 57-NQ/TW ngày 22/12/2024', 'Nghị quyết số 52-NQ/TW ngày 22/12/2024', '57-NQ/TW', '52-NQ/TW'],
  ])('keeps %s whole as one unit', (_name, a, b, del, ins) => {
    const d = wordDiff(a, b);
    expect(d).toContainEqual([-1, del + ' ']);
    expect(d).toContainEqual([1, ins + ' ']);
  });

  test('treats case and tone placement as kept text ("hoá" vs "hóa", "các Bộ" vs "các bộ", 000 vs 003)', () => {
    expect(wordDiff('đơn giản hoá, phối hợp với các Bộ', 'đơn giản hóa, phối hợp với các bộ')).toEqual([[0, 'đơn giản hóa, phối hợp với các bộ']]);
  });

  test('diffs NFC text: a decomposed spelling equals the composed one', () => {
    const composed = 'Tiếp tục rà soát, đánh giá';
    expect(wordDiff(composed.normalize('NFD'), composed)).toEqual([[0, composed]]);
  });

  test('gives A back from kept and deleted runs, and B from kept and inserted runs', () => {
    const a = 'Thanh tra Sở thường xuyên kiểm tra đôn đốc các phòng thuộc Sở phối hợp với Văn phòng Sở tham mưu công bố TTHC';
    const b = 'Các phòng thuộc Sở phối hợp Văn phòng Sở tham mưu công bố thủ tục hành chính theo đúng quy định';
    const d = wordDiff(a, b);
    const lower = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();
    expect(lower(d.filter(([op]) => op <= 0).map(([, t]) => t).join(''))).toBe(lower(a));
    expect(lower(d.filter(([op]) => op >= 0).map(([, t]) => t).join(''))).toBe(lower(b));
  });

  test('escapes HTML when asked', () => {
    expect(renderDiff(wordDiff('a < b', 'a > b'), true)).toBe('a <del>&lt;</del> <ins>&gt;</ins> b');
  });

  test('stays fast on two long, unrelated texts (1,500 words each, past the table size)', { timeout: 6000 }, () => {
    const a = Array.from({ length: 1500 }, (_, i) => `rà${i} soát`).join(' ');
    const b = Array.from({ length: 1500 }, (_, i) => `công${i} khai`).join(' ');
    const d = wordDiff(a, b);
    expect(d.filter(([op]) => op <= 0).map(([, t]) => t).join('')).toBe(a);
  });

  test('never throws on odd input', () => {
    const odd = ['', ' ', '\u0301\u0301', '🙂🙂', '<<>>', '\t\n', 'a'.repeat(5000), '1.000.000,5%%', '\uFFFD\u0000'];
    for (const x of odd) for (const y of odd) expect(() => wordDiff(x, y)).not.toThrow();
  });
});

describe('diffKeys', () => {
  /** The lengths of the common prefix and suffix of two word sequences (as diffKeys cuts them), and what lies between. */
  function middle(a: string[], b: string[]): { pre: number; post: number; x: string[]; y: string[] } {
    let pre = 0;
    while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre += 1;
    let post = 0;
    while (post < a.length - pre && post < b.length - pre && a[a.length - 1 - post] === b[b.length - 1 - post]) post += 1;
    return { pre, post, x: a.slice(pre, a.length - post), y: b.slice(pre, b.length - post) };
  }

  /** The runs jsdiff's diffArrays gives for the middle of two word sequences (common ends cut, at
   * most 48 edits, as diffKeys asks of it), or null where diffKeys's table LCS takes over. */
  function jsdiffRuns(a: string[], b: string[]): Array<[number, number]> | null {
    const { pre, post, x: ma, y: mb } = middle(a, b);
    if (ma.length === 0 || mb.length === 0) return null;
    const changes = diffArrays(ma, mb, { maxEditLength: 48 });
    if (!changes) return null;
    return [...(pre > 0 ? [[0, pre] as [number, number]] : []), ...changes.map((c): [number, number] => [c.added ? 1 : c.removed ? -1 : 0, c.count]), ...(post > 0 ? [[0, post] as [number, number]] : [])];
  }

  /** Word sequences drawn from a few syllables of the corpus, a clause and its edited copy. */
  function pairs(count: number): Array<[string[], string[]]> {
    const syllables = ['thủ', 'tục', 'hành', 'chính', 'các', 'và', 'Sở', '100%', '421/QĐ-UBND', 'năm', '2025'];
    let seed = 11;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const out: Array<[string[], string[]]> = [];
    for (let k = 0; k < count; k++) {
      const a = Array.from({ length: rand(60) }, () => syllables[rand(syllables.length)]!);
      const b = a.flatMap((w) => (rand(6) === 0 ? [] : rand(8) === 0 ? [w, syllables[rand(syllables.length)]!] : rand(7) === 0 ? [syllables[rand(syllables.length)]!] : [w]));
      out.push(k % 2 ? [a, b] : [b, a]);
    }
    return out;
  }

  /** The runs of the textbook LCS table walk (what diffKeys did with an Int32Array table). */
  function tableRuns(a: string[], b: string[]): Array<[number, number]> {
    const { pre, post, x, y } = middle(a, b);
    const [n, m] = [x.length, y.length];
    const t = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
    for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) t[i]![j] = x[i] === y[j] ? t[i + 1]![j + 1]! + 1 : Math.max(t[i + 1]![j]!, t[i]![j + 1]!);
    const ops: number[] = [];
    let [i, j] = [0, 0];
    while (i < n && j < m) {
      if (x[i] === y[j]) (ops.push(0), (i += 1), (j += 1));
      else if (t[i + 1]![j]! >= t[i]![j + 1]!) (ops.push(-1), (i += 1));
      else (ops.push(1), (j += 1));
    }
    while (i++ < n) ops.push(-1);
    while (j++ < m) ops.push(1);
    // deletions before insertions inside each change
    const runs: Array<[number, number]> = pre > 0 ? [[0, pre]] : [];
    let [del, ins] = [0, 0];
    const flush = (): void => {
      if (del > 0) runs.push([-1, del]);
      if (ins > 0) runs.push([1, ins]);
      [del, ins] = [0, 0];
    };
    for (const op of ops) {
      if (op === -1) del += 1;
      else if (op === 1) ins += 1;
      else {
        flush();
        const last = runs[runs.length - 1];
        if (last && last[0] === 0) last[1] += 1;
        else runs.push([0, 1]);
      }
    }
    flush();
    if (post > 0) runs.push([0, post]);
    return runs;
  }

  test('walks the same LCS as the textbook table where Myers gives up (150 sequences that differ in more than 48 places, up to 480 words)', () => {
    let compared = 0;
    for (const [k, [a, b]] of pairs(150).entries()) {
      // longer and more different than the edited copies above: a shuffled, partly rewritten text
      const long = [...a, ...b, ...a.slice().reverse(), ...(k % 3 ? b : a).slice(k % 7)].slice(0, 40 + ((k * 37) % 440));
      const other = [...long.slice(k % 5).reverse(), ...a].slice(0, 30 + ((k * 53) % 450));
      if (jsdiffRuns(long, other)) continue;
      compared += 1;
      expect(diffKeys(long, other)).toEqual(tableRuns(long, other));
    }
    expect(compared).toBeGreaterThan(100);
  });

  test('takes the same runs as jsdiff\'s array diff wherever that finishes within 48 edits (500 edited word sequences)', () => {
    let compared = 0;
    for (const [a, b] of pairs(500)) {
      const want = jsdiffRuns(a, b);
      if (!want) continue;
      compared += 1;
      expect(diffKeys(a, b)).toEqual(want);
    }
    expect(compared).toBeGreaterThan(250);
  });
});

describe('changeNature', () => {
  test.each([
    ['a typo fixed (000 → 003 II.2.7, "chuyên đổi số" → "chuyển đổi số")', 'phục vụ chuyên đổi số Quốc gia', 'phục vụ chuyển đổi số Quốc gia'],
    ['tone marks changed (000 → 003 II.2.5, "nhũng nhiễu" → "những nhiều")', 'làm rõ hành vi nhũng nhiễu, gây khó khăn', 'làm rõ hành vi những nhiều, gây khó khăn'],
    ['an abbreviation not in the glossary spelled out ("Sở KHĐT")', 'phối hợp với Sở KHĐT', 'phối hợp với Sở Kế hoạch và Đầu tư'],
    ['a function word dropped ("các")', 'phối hợp của các cơ quan, đơn vị', 'phối hợp của cơ quan, đơn vị'],
  ])('calls %s cosmetic', (_name, a, b) => {
    expect(changeNature(fold(a), fold(b))).toBe('cosmetic');
  });

  test.each([
    ['a responsible unit changed (000 III.2 → 003 III.1)', 'trên Trang Thông tin điện tử của Sở', 'trên Trang Thông tin điện tử của cơ quan'],
    ['a clause added to a sentence (003 → 000 I.1.b)', 'quy định liên quan đến hoạt động kinh doanh (QĐKD)', 'quy định liên quan đến hoạt động kinh doanh (QĐKD), trong đó tập trung rà soát, kiến nghị cắt giảm giấy phép'],
    ['a year changed by one digit ("năm 2024" → "năm 2025")', 'hoàn thành trong năm 2024', 'hoàn thành trong năm 2025'],
    ['a short word swapped ("Sở" → "Bộ")', 'các Sở, ngành', 'các Bộ, ngành'],
  ])('calls %s substantive', (_name, a, b) => {
    expect(changeNature(fold(a), fold(b))).toBe('substantive');
  });
});
