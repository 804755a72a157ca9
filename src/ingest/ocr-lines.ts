/**
 * The lines of an OCR'd paragraph after the layout has joined them: what a scan's dust does inside
 * a sentence, and where a paragraph the layout ran on starts again.
 *   - A full stop or comma standing alone between words in small letters ("… 09 ngày làm ." over
 *     "việc kể từ …") is a speck: it parts a value from its unit ("09 ngày làm việc").
 *   - A line that opens with a lead-in ending in a colon ("Lý do:", "Chi phí tuân thủ:") after a
 *     line that ended a sentence starts a paragraph of its own: the layout ran it on when the line
 *     before filled the measure and the spacing between paragraphs was small.
 */

/** A lone "." or "," after a word in small letters, before a word in small letters (or a line's end). */
const LONE_MARK_RE = /(?<=\p{Ll}) [.,](?= \p{Ll}|$)/gu;
/** A lead-in: a capital, up to five more words, a colon. */
const LEAD_IN_RE = /^\p{Lu}[\p{L}\p{M}]*(?: [\p{L}\p{M}]+){0,5}:(?:\s|$)/u;
/** A line that ends a sentence. */
const SENTENCE_END_RE = /[.;!?]$/u;

/** Each paragraph (lines joined by "\n", not a table row) with its specks dropped and its lead-ins apart. */
export function mendLines(paragraphs: string[]): void {
  for (let i = 0; i < paragraphs.length; i++) {
    if (paragraphs[i]!.includes('\t')) continue;
    const lines = paragraphs[i]!.split('\n');
    const parts: string[][] = [[]];
    lines.forEach((raw, j) => {
      const next = lines[j + 1];
      const line = raw.replace(LONE_MARK_RE, (m, at: number) => (at + m.length < raw.length || (next !== undefined && /^\p{Ll}/u.test(next)) ? '' : m));
      const part = parts[parts.length - 1]!;
      if (part.length > 0 && SENTENCE_END_RE.test(part[part.length - 1]!) && LEAD_IN_RE.test(line)) parts.push([line]);
      else part.push(line);
    });
    paragraphs.splice(i, 1, ...parts.map((p) => p.join('\n')));
    i += parts.length - 1;
  }
}
