import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { corpusPath, SEEDS } from '../corpus.js';

const BIN = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'plandiff-review-cli-'));
  copyFileSync(corpusPath(SEEDS.ubnd2025), join(dir, 'parent.txt'));
  copyFileSync(corpusPath(SEEDS.gddt2024), join(dir, 'child.txt'));
  return dir;
}

function plandiff(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
}

describe.skipIf(!existsSync(BIN))('plandiff review (the built binary)', () => {
  test('list, set and export: a decision set by id is listed and exported, in the plans\' folder', () => {
    const dir = folder();
    const pair = [join(dir, 'parent.txt'), '--parent', join(dir, 'child.txt')]; // given child first: swapped
    const list = plandiff('review', 'list', ...pair, '--json');
    expect(list.status, list.stderr).toBe(0);
    expect(list.stderr).toContain('parent.txt is the parent');
    const items = (JSON.parse(list.stdout) as { items: Array<{ id: string; kind: string; label: string; status: string | null }> }).items;
    const weakened = items.find((i) => i.label === 'weakened-target')!;
    expect(weakened.status).toBeNull();
    const set = plandiff('review', 'set', weakened.id.slice(0, 6), ...pair, '--status', 'explained', '--reason', 'Sở chỉ phụ trách giáo dục', '--note', 'đã trao đổi');
    expect(set.status, set.stderr).toBe(0);
    expect(existsSync(join(dir, '.plandiff', 'review.sqlite'))).toBe(true);
    const again = JSON.parse(plandiff('review', 'list', ...pair, '--json').stdout) as { items: Array<{ id: string; status: string; reason: string; note: string }> };
    expect(again.items.find((i) => i.id === weakened.id)).toMatchObject({ status: 'explained', reason: 'Sở chỉ phụ trách giáo dục', note: 'đã trao đổi' });
    const csv = plandiff('review', 'export', ...pair, '--format', 'csv');
    expect(csv.stdout.split('\r\n').filter(Boolean)).toHaveLength(2);
    expect(csv.stdout).toContain(weakened.id);
  }, 60_000);

  test.each([
    ['an unknown id', ['f-zzzzzzzzzz', '--status', 'confirmed'], /f-zzzzzzzzzz: no such item/],
    ['"explained" without a reason', ['f-', '--status', 'explained'], /matches \d+ items|needs a reason/],
    ['an unknown status', ['f-', '--status', 'maybe'], /--status/],
  ])('refuses %s with one line and a non-zero exit', (_, args, message) => {
    const dir = folder();
    const r = plandiff('review', 'set', args[0]!, join(dir, 'child.txt'), '--parent', join(dir, 'parent.txt'), ...args.slice(1));
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim().split('\n').filter((l) => !l.includes('warning'))).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\s+at\s+\S+\s+\(/);
  }, 60_000);
});
