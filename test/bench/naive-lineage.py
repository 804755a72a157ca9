#!/usr/bin/env python3
"""The peer of `plandiff lineage DIR --json` in `npm run bench`: a plain Python script doing a naive
version of the job on one core — read every plan, NFC, find the document numbers it cites
("số 421/QĐ-UBND") and its own number, link citing plan → cited document, and flag pairs of plans
that share many 8-word shingles (an inverted index of hashed shingles), then print the graph as JSON.

    python3 test/bench/naive-lineage.py DIR
"""
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict

NUMBER = re.compile(r'(?:số|Số)\s*:?\s*(\d+)\s*/\s*((?:\d{4}/)?[A-ZĐ]+(?:-[A-ZĐ0-9]+)*)')


def main(root):
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith(('.txt', '.md')))
    nodes, edges = {}, []
    postings = defaultdict(list)
    for k, path in enumerate(files):
        with open(path, encoding='utf-8-sig', errors='replace') as f:
            text = unicodedata.normalize('NFC', f.read())
        found = NUMBER.findall(text)
        own = '/'.join(found[0]) if found else path
        nodes[path] = own
        for num, sym in found[1:]:
            edges.append((path, f'{num}/{sym}'))
        words = re.sub(r'[^\w\s]', ' ', text.lower()).split()
        for h in {hash(' '.join(words[i:i + 8])) for i in range(0, max(0, len(words) - 7), 4)}:
            postings[h].append(k)
    shared = defaultdict(int)
    for docs in postings.values():
        if 1 < len(docs) <= 50:
            for i in range(len(docs)):
                for j in range(i + 1, len(docs)):
                    shared[(docs[i], docs[j])] += 1
    reuse = [(files[a], files[b], n) for (a, b), n in shared.items() if n >= 20]
    json.dump({'nodes': len(nodes), 'citations': len(edges), 'reuse': len(reuse)}, sys.stdout)
    sys.stdout.write('\n')


if __name__ == '__main__':
    if len(sys.argv) != 2:
        sys.exit('usage: naive-lineage.py DIR')
    main(sys.argv[1])
