import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { errorReason, isLang, LANGS, levelLabel, markerLabel, relationLabel, rowStatusLabel, t, viewLabel, type MessageKey } from '../../src/view/i18n.js';
import { VIEWS } from '../../src/view/route.js';

const KEYS: MessageKey[] = ['view.corpus', 'loadingCorpus', 'diffSummary', 'targetSummary', 'unreadableFile', 'uploadHint'];

describe('i18n', () => {
  test('names every view in both languages, differently', () => {
    for (const view of VIEWS) {
      expect(viewLabel('vi', view)).not.toBe('');
      expect(viewLabel('en', view)).not.toBe(viewLabel('vi', view));
    }
  });

  test.each(KEYS)('has the same placeholders in Vietnamese and English for %s', (key) => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(names(t('en', key))).toEqual(names(t('vi', key)));
  });

  test('the upload hint names every kind of file the chooser offers (web/components/upload-zone ACCEPT), in both languages', () => {
    const source = readFileSync(new URL('../../web/components/upload-zone/upload-zone.ts', import.meta.url), 'utf8');
    const accept = /export const ACCEPT =\s*'([^']+)'/u.exec(source)?.[1] ?? '';
    const ALIAS: Record<string, string> = { '.markdown': '.md', '.htm': '.html', '.jpeg': '.jpg', '.tiff': '.tif' };
    const kinds = [...new Set(accept.split(',').filter((x) => x.startsWith('.')).map((x) => ALIAS[x] ?? x))];
    expect(kinds).toEqual(expect.arrayContaining(['.txt', '.docx', '.doc', '.pdf', '.png', '.jpg', '.tif']));
    for (const lang of LANGS) for (const kind of kinds) expect(t(lang, 'uploadHint'), `${lang} ${kind}`).toMatch(new RegExp(`\\${kind}(?![a-z])`, 'u'));
  });

  test('fills placeholders and leaves unknown ones visible', () => {
    expect(t('vi', 'loadingCorpus', { done: 3, total: 5 })).toBe('Đang đọc 3/5 văn bản…');
    expect(t('en', 'loadingCorpus', { done: 3 })).toBe('Reading 3/{total} plans…');
  });

  test.each([
    ['vi', 'Sở, ngành', 'Triển khai', 'Đổi vị trí', 'tăng'],
    ['en', 'Department', 'Implements', 'Moved', 'raised'],
  ] as const)('labels levels, relations, statuses and markers in %s', (lang, level, relation, moved, raised) => {
    expect([levelLabel(lang, 'department'), relationLabel(lang, 'implements'), rowStatusLabel(lang, 'moved'), markerLabel(lang, 'raised')]).toEqual([level, relation, moved, raised]);
  });

  test('explains an ingest error in Vietnamese, and keeps the English message when the code is unknown', () => {
    expect(errorReason('vi', { code: 'encrypted', message: 'is password-protected' })).toBe('tệp có mật khẩu');
    expect(errorReason('vi', { code: 'weird', message: 'something odd' })).toBe('something odd');
  });

  test('knows its languages, and nothing else', () => {
    expect(LANGS).toEqual(['vi', 'en']);
    expect([isLang('vi'), isLang('en'), isLang('fr'), isLang(null)]).toEqual([true, true, false, false]);
  });
});
