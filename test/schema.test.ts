import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { jsonSchema, parseSchema } from '../src/schema.js';
import { seed } from './corpus.js';

describe('published JSON Schema', () => {
  test('docs/schema.json is what `plandiff schema` prints (regenerate with: npx plandiff schema > docs/schema.json)', () => {
    const published = JSON.parse(readFileSync(fileURLToPath(new URL('../docs/schema.json', import.meta.url)), 'utf8'));
    expect(published).toEqual(JSON.parse(JSON.stringify(jsonSchema())));
  });

  test('rejects a parse output whose clause lacks an id', () => {
    const doc = JSON.parse(JSON.stringify(seed('gddt2024')));
    delete doc.clauses[0].id;
    expect(parseSchema.safeParse(doc).success).toBe(false);
  });
});
