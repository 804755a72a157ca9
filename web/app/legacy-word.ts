/**
 * Legacy Word .doc in the browser: the worker hands the bytes to the local `plandiff serve`
 * (POST /api/convert-doc, see src/node/convert-api.ts), which converts them on this machine; the
 * answer is read like any .docx or text. Without the server (a static copy of the app) a .doc is
 * refused with the reason.
 */
import { IngestError, type LegacyWordReading } from '../../src/ingest/index.js';

export async function convertDocOnServer(bytes: Uint8Array): Promise<LegacyWordReading> {
  let res: Response;
  try {
    res = await fetch(new URL('/api/convert-doc', self.location.origin), {
      method: 'POST',
      headers: { 'content-type': 'application/msword', 'x-plandiff': 'convert' },
      body: new Blob([bytes as BlobPart]),
    });
  } catch {
    throw new IngestError('unsupported', 'is a legacy Word .doc; the browser reads it through plandiff serve, which is not reachable');
  }
  const body = (await res.json().catch(() => ({ error: `HTTP ${res.status}` }))) as
    | { kind: 'docx'; base64: string; warnings: LegacyWordReading['warnings'] }
    | { kind: 'text'; text: string; warnings: LegacyWordReading['warnings'] }
    | { error: string };
  if ('error' in body) throw new IngestError(res.status === 413 ? 'too-large' : 'corrupt', body.error);
  if (body.kind === 'text') return body;
  const raw = atob(body.base64);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return { kind: 'docx', bytes: out, warnings: body.warnings };
}
