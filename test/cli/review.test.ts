import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../cli-run.js';
import { corpusPath, SEEDS } from '../corpus.js';

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'plandiff-review-cli-'));
  copyFileSync(corpusPath(SEEDS.ubnd2025), join(dir, 'parent.txt'));
  copyFileSync(corpusPath(SEEDS.gddt2024), join(dir, 'child.txt'));
  return dir;
}

/** The command line run in this process. */
const plandiff = (...args: string[]) => runCli(args);

describe('plandiff review', () => {
  test('list, set and export: a decision set by id is listed and exported, in the plans\' folder', async () => {
    const dir = folder();
    const pair = [join(dir, 'parent.txt'), '--parent', join(dir, 'child.txt')]; // given child first: swapped
    const list = await plandiff('review', 'list', ...pair, '--json');
    expect(list.code, list.stderr).toBe(0);
    expect(list.stderr).toContain('parent.txt is the parent');
    const items = (JSON.parse(list.stdout) as { items: Array<{ id: string; kind: string; label: string; status: string | null }> }).items;
    const weakened = items.find((i) => i.label === 'weakened-target')!;
    expect(weakened.status).toBeNull();
    const set = await plandiff('review', 'set', weakened.id.slice(0, 6), ...pair, '--status', 'explained', '--reason', 'Sở chỉ phụ trách giáo dục', '--note', 'đã trao đổi');
    expect(set.code, set.stderr).toBe(0);
    expect(existsSync(join(dir, '.plandiff', 'review.sqlite'))).toBe(true);
    const again = JSON.parse((await plandiff('review', 'list', ...pair, '--json')).stdout) as { items: Array<{ id: string; status: string; reason: string; note: string }> };
    expect(again.items.find((i) => i.id === weakened.id)).toMatchObject({ status: 'explained', reason: 'Sở chỉ phụ trách giáo dục', note: 'đã trao đổi' });
    const csv = await plandiff('review', 'export', ...pair, '--format', 'csv');
    expect(csv.stdout.split('\r\n').filter(Boolean)).toHaveLength(2);
    expect(csv.stdout).toContain(weakened.id);
  }, 60_000);

  test.each([
    ['an unknown id', ['f-zzzzzzzzzz', '--status', 'confirmed'], /f-zzzzzzzzzz: no such item/],
    ['"explained" without a reason', ['f-', '--status', 'explained'], /matches \d+ items|needs a reason/],
    ['an unknown status', ['f-', '--status', 'maybe'], /--status/],
  ])('refuses %s with one line and a non-zero exit', async (_, args, message) => {
    const dir = folder();
    const r = await plandiff('review', 'set', args[0]!, join(dir, 'child.txt'), '--parent', join(dir, 'parent.txt'), ...args.slice(1));
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n').filter((l) => !l.includes('warning'))).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\s+at\s+\S+\s+\(/);
  }, 60_000);
});
