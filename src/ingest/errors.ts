/**
 * The one error the ingest stage throws: a file it cannot turn into text. The message is one
 * line without the file name (the CLI puts the name in front) and says what to do where it can.
 */

/** Why a file could not be read. */
export type IngestErrorCode =
  | 'empty' // 0 bytes, or only whitespace
  | 'binary' // NUL bytes or control characters: not a text file
  | 'encoding' // bytes that decode to no recognisable Vietnamese text in any encoding we know
  | 'too-large' // more bytes than the limit
  | 'corrupt' // a .docx/.pdf whose container or XML is broken
  | 'encrypted' // a password-protected PDF or Office file
  | 'scanned-pdf' // a PDF without a text layer
  | 'unsupported' // a format we do not read (.doc, .odt, an image)
  | 'limits'; // page, size or time limits hit while reading

export class IngestError extends Error {
  override name = 'IngestError';

  constructor(
    public code: IngestErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** True when a value is an IngestError (also across realms/bundles, by name and code). */
export function isIngestError(value: unknown): value is IngestError {
  return value instanceof IngestError || (value instanceof Error && value.name === 'IngestError' && 'code' in value);
}
