/**
 * Start-up of the built binary: `plandiff --help` and `--version` alone are answered from the
 * help.json the build writes (no commander, no command tree), with the very text commander prints.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BIN, runBinarySync } from '../binary.js';

describe('the baked answers of plandiff --help and --version (needs the built binary)', () => {
  test('the build writes help.json beside the entry', () => {
    expect(existsSync(join(dirname(BIN), 'help.json'))).toBe(true);
  });

  test.each(['--help', '-h', '--version', '-V'])('plandiff %s prints what commander prints, and exits 0', (flag) => {
    const baked = runBinarySync([flag]);
    const commander = runBinarySync([flag], { env: { PLANDIFF_NO_BAKED_HELP: '1' } });
    expect(baked.code).toBe(0);
    expect(commander.code).toBe(0);
    expect(baked.stdout).toBe(commander.stdout);
    expect(baked.stdout.length).toBeGreaterThan(3);
  });

  test('anything more than the flag alone goes to commander (help of a command, an unknown option)', () => {
    const sub = runBinarySync(['compare', '--help']);
    expect(sub.stdout).toMatch(/^Usage: plandiff compare \[options\] <a> <b>/);
    const bad = runBinarySync(['--help', '--nonsense']);
    expect(bad.stdout).toMatch(/^Usage: plandiff/);
  });
});
