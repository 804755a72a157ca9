import { describe, expect, test } from 'vitest';
import { compareDocuments } from '../../src/compare/compare.js';
import { fidelity } from '../../src/compare/fidelity.js';
import { reviewItems, stableIds } from '../../src/compare/review-items.js';
import { parseDocument } from '../../src/read/parse.js';
import type { ParsedDocument } from '../../src/types.js';
import { seedText, SEEDS } from '../corpus.js';

/** Seed 003 (child, Sở GDĐT 2024) or 004 (parent, UBND 2025), freshly parsed, with `edits` applied. */
function plan(name: 'gddt2024' | 'ubnd2025', edits: Array<[string, string]> = []): ParsedDocument {
  let text = seedText(name);
  for (const [from, to] of edits) {
    expect(text).toContain(from);
    text = text.replace(from, to);
  }
  return parseDocument(text, { file: SEEDS[name] });
}

function items(child: ParsedDocument, parent: ParsedDocument) {
  const report = fidelity(child, parent);
  return reviewItems(compareDocuments(parent, child, { relation: 'parent' }), report.findings);
}

/** An unrelated edit of the child: its item on publishing procedures ("2. Các phòng thuộc Sở …") reworded (no finding, target or year in it). */
const CHILD_EDIT: [string, string] = ['tham mưu quy trình nội bộ giải quyết TTHC.', 'tham mưu rà soát kỹ quy trình nội bộ giải quyết TTHC.'];
/** An unrelated edit of the parent: its closing article D2 on taking effect. */
const PARENT_EDIT: [string, string] = ['Quyết định này có hiệu lực thi hành kể từ ngày ký.', 'Quyết định này có hiệu lực kể từ ngày ký ban hành.'];

describe('stable review ids', () => {
  test('every finding, target change and clause alignment of 003 → 004 has a distinct id', () => {
    const all = items(plan('gddt2024'), plan('ubnd2025'));
    expect(all.filter((i) => i.kind === 'finding').length).toBeGreaterThan(10);
    expect(all.filter((i) => i.kind === 'target').length).toBeGreaterThan(5);
    expect(all.filter((i) => i.kind === 'clause').length).toBeGreaterThan(50);
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
    for (const i of all) expect(i.id).toMatch(/^[ftc]-[0-9a-z]{10}(?:\.\d+)?$/);
  });

  test('two runs on freshly parsed copies give the same ids', () => {
    expect(items(plan('gddt2024'), plan('ubnd2025')).map((i) => i.id)).toEqual(items(plan('gddt2024'), plan('ubnd2025')).map((i) => i.id));
  });

  test('an unrelated edit of the child changes only the id of the edited clause (an added one, keyed by its own text)', () => {
    const before = items(plan('gddt2024'), plan('ubnd2025'));
    const after = items(plan('gddt2024', [CHILD_EDIT]), plan('ubnd2025'));
    const changed = after.filter((i, k) => before[k]!.id !== i.id);
    expect(changed.map((i) => i.label)).toEqual(['— → III.2']);
    expect(changed[0]!.text).toContain('rà soát kỹ');
  });

  test('a child clause carrying a parent clause keeps its id when the child rewords it', () => {
    const edit: [string, string] = ['Bảo đảm sự phân công, phối hợp rõ ràng', 'Bảo đảm sự phân công và phối hợp thật rõ ràng'];
    const before = items(plan('gddt2024'), plan('ubnd2025'));
    const after = items(plan('gddt2024', [edit]), plan('ubnd2025'));
    expect(after.map((i) => i.id)).toEqual(before.map((i) => i.id));
  });

  test('an unrelated edit of the parent changes only the ids of the edited clause', () => {
    const before = items(plan('gddt2024'), plan('ubnd2025'));
    const after = items(plan('gddt2024'), plan('ubnd2025', [PARENT_EDIT]));
    const gone = before.filter((i) => !after.some((j) => j.id === i.id));
    expect(gone.map((i) => i.label)).toEqual(['D2 → —']);
    expect(after.filter((i) => i.kind !== 'clause').map((i) => i.id)).toEqual(before.filter((i) => i.kind !== 'clause').map((i) => i.id));
  });

  test('repeats of one content get .2, .3 in reading order, so an insertion after them keeps them', () => {
    expect(stableIds('f', ['x', 'y', 'x', 'x'])).toEqual([
      expect.stringMatching(/^f-\w{10}$/),
      expect.stringMatching(/^f-\w{10}$/),
      expect.stringMatching(/\.2$/),
      expect.stringMatching(/\.3$/),
    ]);
    const [a, , a2] = stableIds('f', ['x', 'y', 'x']);
    expect(a2).toBe(`${a}.2`);
  });
});
