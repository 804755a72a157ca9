/**
 * The indented outline of a parsed plan that `plandiff parse` and `plandiff outline` print: in a
 * module of its own, loaded by those two commands, since it needs the parser's clause labels.
 */
import { labelPrefix } from '../read/parse.js';
import { clip } from '../text/clip.js';
import type { Clause, ParsedDocument } from '../types.js';
import type { Colors } from './commands.js';

/** An indented outline of a parsed plan. */
export function outline(doc: ParsedDocument, pc: Colors, width = 110): string {
  const lines: string[] = [];
  const m = doc.meta;
  lines.push(pc.bold(m.title ?? doc.file ?? '(untitled)'));
  const ident = [m.number || m.symbol ? `Số ${m.number ?? '…'}/${m.symbol ?? '…'}` : null, m.date, m.issuer].filter(Boolean).join(' · ');
  if (ident) lines.push(pc.dim(ident));
  for (const w of m.warnings) lines.push(pc.yellow(`! ${w.message}`));
  for (const b of doc.preamble) lines.push(pc.dim(`  [${b.role}] ${clip(b.text, width - 12)}`));
  const walk = (cs: Clause[], depth: number): void => {
    for (const c of cs) {
      const head = `${'  '.repeat(depth)}${labelPrefix(c)}`;
      lines.push(`${pc.dim(c.id.padEnd(14))} ${head}${clip(c.text, Math.max(20, width - head.length - 15))}`);
      walk(c.children, depth + 1);
    }
  };
  walk(doc.clauses, 0);
  if (doc.footnotes.length) for (const f of doc.footnotes) lines.push(pc.dim(`  [${f.label ?? '*'}] ${clip(f.text, width - 8)}`));
  return lines.join('\n');
}
