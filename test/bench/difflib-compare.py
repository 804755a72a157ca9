#!/usr/bin/env python3
"""The peer of `plandiff compare A B --json` in `npm run bench`: a plain Python difflib script doing
a naive version of the same job — read both plans, NFC and fold each line, pair the lines with
difflib.SequenceMatcher, word-diff each changed pair, pick out the percentages, print JSON.
It is the yardstick a user would write in an afternoon, timed in the same run as plandiff.

    python3 test/bench/difflib-compare.py A.txt B.txt
"""
import difflib
import json
import re
import sys
import unicodedata

PERCENT = re.compile(r'(\d+(?:[.,]\d+)?)\s?%')


def lines_of(path):
    with open(path, encoding='utf-8-sig') as f:
        text = unicodedata.normalize('NFC', f.read())
    return [l.strip() for l in text.splitlines() if l.strip()]


def fold(line):
    return re.sub(r'\s+', ' ', re.sub(r'[^\w\s%]', ' ', line.lower())).strip()


def main(a_path, b_path):
    a, b = lines_of(a_path), lines_of(b_path)
    fa, fb = [fold(l) for l in a], [fold(l) for l in b]
    pairs = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, fa, fb, autojunk=False).get_opcodes():
        if tag == 'equal':
            pairs += [{'status': 'copied', 'a': a[i], 'b': b[j]} for i, j in zip(range(i1, i2), range(j1, j2))]
        elif tag == 'replace':
            for i, j in zip(range(i1, i2), range(j1, j2)):
                wa, wb = a[i].split(), b[j].split()
                ops = difflib.SequenceMatcher(None, wa, wb).get_opcodes()
                words = [{'op': t, 'a': ' '.join(wa[x1:x2]), 'b': ' '.join(wb[y1:y2])} for t, x1, x2, y1, y2 in ops if t != 'equal']
                pairs.append({'status': 'modified', 'a': a[i], 'b': b[j], 'words': words,
                              'targets': [PERCENT.findall(a[i]), PERCENT.findall(b[j])]})
            pairs += [{'status': 'dropped', 'a': a[i]} for i in range(i1 + (j2 - j1), i2)]
            pairs += [{'status': 'added', 'b': b[j]} for j in range(j1 + (i2 - i1), j2)]
        elif tag == 'delete':
            pairs += [{'status': 'dropped', 'a': a[i]} for i in range(i1, i2)]
        else:
            pairs += [{'status': 'added', 'b': b[j]} for j in range(j1, j2)]
    json.dump({'pairs': pairs}, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write('\n')


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit('usage: difflib-compare.py A B')
    main(sys.argv[1], sys.argv[2])
