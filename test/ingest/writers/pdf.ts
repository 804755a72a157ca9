/**
 * A minimal PDF writer for hostile-input and layout tests: pages of ASCII text in Helvetica (lines
 * down from the top, or pieces set at given points), or pages that only paint an image (a "scan"
 * with no text layer). Offsets and xref are exact, so pdf.js reads the files without repair.
 */
import { zlibSync } from 'fflate';

/** A piece of ASCII text set at a point, for layout tests (page coordinates: points from the bottom left). */
export interface PlacedText {
  x: number;
  y: number;
  text: string;
  /** Type size in points; 12 unless given. */
  size?: number;
}

export interface PdfPageSpec {
  /** Lines of ASCII text, top to bottom; empty for an image-only page. */
  lines?: string[];
  /** Text set at given points (one text object each), after `lines`. */
  texts?: PlacedText[];
  /** Paint a grey image over the page (a scan). */
  image?: boolean;
}

const escapeText = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`);

const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

export function buildPdf(pages: PdfPageSpec[]): Uint8Array {
  const objects: Array<string | Uint8Array> = [];
  const add = (body: string | Uint8Array) => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add('');
  const pagesObj = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const imgData = zlibSync(new Uint8Array(64 * 64).fill(180));
  const image = add(concat(latin1(`<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${imgData.length} >>\nstream\n`), imgData, latin1('\nendstream')));
  const kids: number[] = [];
  for (const page of pages) {
    let content = '';
    if (page.image) content += 'q 595 0 0 842 0 0 cm /Im1 Do Q\n';
    if (page.lines?.length) {
      content += 'BT /F1 12 Tf 14 TL 72 780 Td\n';
      for (const line of page.lines) content += `(${escapeText(line)}) Tj T*\n`;
      content += 'ET\n';
    }
    for (const t of page.texts ?? []) content += `BT /F1 ${t.size ?? 12} Tf ${t.x} ${t.y} Td (${escapeText(t.text)}) Tj ET\n`;
    const stream = add(`<< /Length ${content.length} >>\nstream\n${content}endstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> /XObject << /Im1 ${image} 0 R >> >> /Contents ${stream} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;

  const chunks: Uint8Array[] = [latin1('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')];
  let offset = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const bytes = concat(latin1(`${i + 1} 0 obj\n`), typeof body === 'string' ? latin1(body) : body, latin1('\nendobj\n'));
    chunks.push(bytes);
    offset += bytes.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${offset}\n%%EOF\n`;
  chunks.push(latin1(xref));
  return concat(...chunks);
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
