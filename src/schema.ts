/**
 * JSON Schemas of the `--json` outputs (`plandiff schema`), written with zod so the same schemas
 * validate real output in the tests. They pin the contract fields (../shared/CONTRACT.md) and
 * allow the extra detail fields the tool adds.
 */
import { z } from 'zod';

const span = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]).describe('[start, end) offsets into the original text');
const warning = z.looseObject({ code: z.string(), message: z.string(), span: span.optional() });

export const metaSchema = z.looseObject({
  type: z.string().nullable(),
  number: z.string().nullable(),
  symbol: z.string().nullable(),
  year: z.number().int().nullable(),
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/).nullable(),
  issuer: z.string().nullable(),
  title: z.string().nullable(),
  ocr: z
    .object({ engine: z.string(), pages: z.array(z.object({ page: z.number().int().positive(), confidence: z.number().min(0).max(100) })) })
    .optional()
    .describe('set when the text was read from a scan by OCR (meta.encoding "ocr"): the engine and its confidence per page'),
  warnings: z.array(warning),
});

type ClauseShape = { id: string; label: string | null; kind: string; text: string; span: [number, number]; children: ClauseShape[] };
export const clauseSchema: z.ZodType<ClauseShape> = z.lazy(() =>
  z.looseObject({
    id: z.string().min(1),
    label: z.string().nullable(),
    kind: z.string(),
    text: z.string(),
    span,
    children: z.array(clauseSchema),
  }),
);

const mention = z.looseObject({ clauseId: z.string(), text: z.string(), span });
export const citationSchema = z.looseObject({
  key: z.string(),
  type: z.string().nullable(),
  number: z.string().nullable(),
  symbol: z.string().nullable(),
  year: z.number().int().nullable(),
  date: z.string().nullable(),
  issuer: z.string().nullable(),
  relation: z.enum(['implements', 'basis', 'refers']),
  mentions: z.array(mention).min(1),
});

const comparator = z.enum(['>=', '>', '=', '<=', '<']);
export const targetSchema = z.looseObject({
  id: z.string(),
  clauseId: z.string(),
  metric: z.string(),
  comparator,
  value: z.number(),
  unit: z.string().nullable(),
  horizon: z.number().int().nullable(),
  deadline: z.string().nullable(),
  text: z.string(),
});

export const parseSchema = z.looseObject({
  meta: metaSchema,
  clauses: z.array(clauseSchema),
  citations: z.array(citationSchema),
  targets: z.array(targetSchema),
});

const side = z.looseObject({ id: z.string(), text: z.string() }).nullable();
export const compareSchema = z.looseObject({
  a: metaSchema,
  b: metaSchema,
  alignments: z.array(
    z.looseObject({
      status: z.enum(['identical', 'modified', 'dropped', 'added']),
      a: side,
      b: side,
      similarity: z.number().min(0).max(1).nullable(),
      moved: z.boolean(),
    }),
  ),
  targets: z.array(
    z.looseObject({
      status: z.enum(['copied', 'modified', 'dropped', 'added']),
      change: z.enum(['raised', 'lowered']).nullable(),
      a: targetSchema.nullable(),
      b: targetSchema.nullable(),
    }),
  ),
});

/** Entries of a folder run that could not be read; the exit status is non-zero when there are any. */
const skippedSchema = z.array(z.looseObject({ file: z.string(), error: z.string() }));

export const lineageSchema = z.looseObject({
  nodes: z.array(
    z.looseObject({
      id: z.string(),
      key: z.string().nullable(),
      number: z.string().nullable(),
      symbol: z.string().nullable(),
      year: z.number().int().nullable(),
      title: z.string().nullable(),
      file: z.string().optional(),
      files: z.array(z.string()).optional(),
      warnings: z.array(warning).optional(),
    }),
  ),
  edges: z.array(
    z.looseObject({
      source: z.string(),
      target: z.string(),
      relation: z.enum(['implements', 'basis', 'refers', 'reuse', 'succeeds']),
      score: z.number().min(0).max(1),
    }),
  ),
  skipped: skippedSchema.optional(),
});

const trendValue = z.looseObject({
  year: z.number().int(),
  comparator: z.enum(['>=', '>', '=', '<=', '<']),
  value: z.number(),
  unit: z.string().nullable(),
  horizon: z.number().int().nullable(),
  file: z.string(),
  targetId: z.string(),
  change: z.enum(['new', 'raised', 'lowered', 'unchanged', 'changed']),
  via: z.enum(['edition', 'implementer']),
});
export const trendsSchema = z.looseObject({
  series: z.array(
    z.looseObject({
      id: z.string(),
      issuer: z.string(),
      title: z.string(),
      editions: z.array(z.looseObject({ year: z.number().int(), node: z.string(), file: z.string().nullable() })),
      metrics: z.array(z.looseObject({ metric: z.string(), values: z.array(trendValue), dropped: z.number().int().nullable() })),
    }),
  ),
});
export const issuerMatrixSchema = z.looseObject({
  year: z.number().int(),
  by: z.literal('issuer'),
  metrics: z.array(z.looseObject({ id: z.string(), metric: z.string(), unit: z.string().nullable(), issuers: z.number().int() })),
  rows: z.array(
    z.looseObject({
      issuer: z.string(),
      province: z.string().nullable(),
      files: z.array(z.string()),
      cells: z.record(z.string(), z.looseObject({ comparator: z.string(), value: z.number(), unit: z.string().nullable(), file: z.string(), targetId: z.string() })),
    }),
  ),
});

const finding = z.looseObject({
  kind: z.string(),
  severity: z.enum(['high', 'medium', 'low']),
  message: z.string(),
  evidence: z.array(z.looseObject({})),
});
export const fidelitySchema = z.looseObject({
  child: metaSchema,
  parent: metaSchema,
  clauses: z.array(z.looseObject({ status: z.string() })),
  targets: z.array(z.looseObject({ status: z.string() })),
  additions: z.looseObject({ clauses: z.array(z.looseObject({})), targets: z.array(targetSchema) }),
  findings: z.array(finding),
  score: z.looseObject({
    value: z.number().min(0).max(100),
    clauses: z.number().min(0).max(1).nullable(),
    targets: z.number().min(0).max(1).nullable(),
    penalties: z.array(z.looseObject({ kind: z.string(), count: z.number().int(), points: z.number() })),
  }),
});

/** All output schemas as JSON Schema (draft 2020-12), keyed by command. */
export function jsonSchema(): Record<string, unknown> {
  return {
    $comment: 'plandiff --json output schemas; see docs/contract.md',
    parse: z.toJSONSchema(parseSchema, { unrepresentable: 'any' }),
    compare: z.toJSONSchema(compareSchema, { unrepresentable: 'any' }),
    lineage: z.toJSONSchema(lineageSchema, { unrepresentable: 'any' }),
    fidelity: z.toJSONSchema(fidelitySchema, { unrepresentable: 'any' }),
    trends: z.toJSONSchema(trendsSchema, { unrepresentable: 'any' }),
    trendsByIssuer: z.toJSONSchema(issuerMatrixSchema, { unrepresentable: 'any' }),
  };
}
