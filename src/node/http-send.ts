/**
 * How `plandiff serve` answers: the headers every response carries, text and JSON answers, and a
 * request body read with a size limit. Shared by the server and its API modules (review, .doc
 * conversion) so every answer carries the same protections.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The policy of plan files and API answers: never a document that runs anything. */
export const DATA_CSP = "default-src 'none'; sandbox; frame-ancestors 'none'";

/** Headers every answer carries. */
export const COMMON_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

/** A text answer (not cached, under the data policy). */
export function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'content-security-policy': DATA_CSP, ...COMMON_HEADERS });
  res.end(body);
}

/** A JSON answer. */
export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

/** The request's body, or null once it passes `maxBytes` (the rest is not read into memory). */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
