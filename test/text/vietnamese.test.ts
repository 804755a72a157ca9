import { describe, expect, test } from 'vitest';
import { placeTone, normalizeTones, stripDiacritics, tokenize } from '../../src/text/vietnamese.js';

describe('placeTone', () => {
  test.each([
    ['hoá', 'hóa', 'old placement in "đơn giản hoá" (seeds write both)'],
    ['thuỷ', 'thủy', 'open "uy" syllable'],
    ['khoẻ', 'khỏe', 'open "oe" syllable'],
    ['Uỷ', 'Ủy', '"Uỷ ban nhân dân" vs "Ủy ban nhân dân"'],
    ['hoàng', 'hoàng', 'closed syllable keeps the tone on the second vowel'],
    ['quý', 'quý', '"qu" is a consonant'],
    ['người', 'người', 'marked vowel ơ takes the tone'],
    ['quyết', 'quyết', 'marked vowel ê takes the tone'],
  ])('%s → %s (%s)', (input, expected) => {
    expect(placeTone(input)).toBe(expected);
  });

  test('does not touch syllables without a tone', () => {
    expect(placeTone('hoa')).toBe('hoa');
  });
});

describe('normalizeTones', () => {
  test('an NFD phrase and its NFC twin fold to the same string', () => {
    const nfc = 'đơn giản hóa thủ tục hành chính';
    expect(normalizeTones(nfc.normalize('NFD'))).toBe(nfc);
    expect(normalizeTones('đơn giản hoá')).toBe('đơn giản hóa');
  });
});

describe('stripDiacritics', () => {
  test('maps đ to d and drops marks', () => {
    expect(stripDiacritics('Quyết định QĐ-UBND')).toBe('Quyet dinh QD-UBND');
  });
});

describe('tokenize', () => {
  test('keeps document numbers, numbers with separators and percentages whole', () => {
    const text = 'Quyết định số 421/QĐ-UBND đạt 6,5% và 1.000 hồ sơ; 57-NQ/TW, 63/2010/NĐ-CP';
    const kept = tokenize(text)
      .filter((t) => t.kind !== 'space')
      .map((t) => t.text);
    expect(kept).toEqual(['Quyết', 'định', 'số', '421/QĐ-UBND', 'đạt', '6,5%', 'và', '1.000', 'hồ', 'sơ', ';', '57-NQ/TW', ',', '63/2010/NĐ-CP']);
  });

  test('round-trips the input exactly', () => {
    const text = 'Tỷ lệ  thanh toán (tối thiểu 45%) –\tđạt!';
    expect(tokenize(text).map((t) => t.text).join('')).toBe(text);
  });
});
