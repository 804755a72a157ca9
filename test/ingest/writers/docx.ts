/**
 * A small .docx writer for fixtures and tests: real Word numbering (numbering.xml), real tables
 * (borders, gridSpan, vMerge, header rows), footnotes and a page-number header, zipped with fflate.
 * Used by test/fixtures/make-fixtures.ts and by tests that need a document with one particular feature.
 */
import { strToU8, zipSync } from 'fflate';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface RunSpec {
  text: string;
  bold?: boolean;
  superscript?: boolean;
  caps?: boolean;
  hidden?: boolean;
  /** A footnote reference instead of text (the footnote id). */
  footnote?: number;
}

/** Runs of one line; "\n" becomes a soft line break. */
export function runs(spec: RunSpec[]): string {
  return spec
    .map((r) => {
      const props = [r.bold ? '<w:b/>' : '', r.caps ? '<w:caps/>' : '', r.hidden ? '<w:vanish/>' : '', r.superscript || r.footnote !== undefined ? '<w:vertAlign w:val="superscript"/>' : '']
        .join('');
      const rPr = props ? `<w:rPr>${props}</w:rPr>` : '';
      if (r.footnote !== undefined) return `<w:r>${rPr}<w:footnoteReference w:id="${r.footnote}"/></w:r>`;
      return r.text
        .split('\n')
        .map((line, i) => `<w:r>${rPr}${i > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${esc(line)}</w:t></w:r>`)
        .join('');
    })
    .join('');
}

export interface ParagraphSpec {
  /** Word list: numId and level. */
  num?: { numId: number; ilvl: number };
  style?: string;
  bold?: boolean;
}

export function paragraph(content: string | RunSpec[], spec: ParagraphSpec = {}): string {
  const pPr = [
    spec.style ? `<w:pStyle w:val="${spec.style}"/>` : '',
    spec.num ? `<w:numPr><w:ilvl w:val="${spec.num.ilvl}"/><w:numId w:val="${spec.num.numId}"/></w:numPr>` : '',
  ].join('');
  const body = typeof content === 'string' ? runs([{ text: content, ...(spec.bold ? { bold: true } : {}) }]) : runs(content);
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${body}</w:p>`;
}

export interface CellSpec {
  /** Paragraph XML or plain text. */
  content: string;
  gridSpan?: number;
  vMerge?: 'restart' | 'continue';
}

export interface TableSpec {
  rows: Array<Array<string | CellSpec>>;
  /** Rows flagged as header rows (repeated by Word on each page). */
  headerRows?: number;
  /** false: a borderless layout table. */
  borders?: boolean;
  /** Relative column widths (default: equal). */
  widths?: number[];
}

export function table(spec: TableSpec): string {
  const borders = spec.borders === false
    ? '<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>'
    : '<w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders>';
  const cols = Math.max(1, ...spec.rows.map((r) => r.reduce((n, c) => n + (typeof c === 'string' ? 1 : (c.gridSpan ?? 1)), 0)));
  const weights = Array.from({ length: cols }, (_, i) => spec.widths?.[i] ?? 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const colWidths = weights.map((w) => Math.floor((9000 * w) / total));
  const grid = `<w:tblGrid>${colWidths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  const rows = spec.rows
    .map((row, i) => {
      const trPr = i < (spec.headerRows ?? 0) ? '<w:trPr><w:tblHeader/></w:trPr>' : '';
      let col = 0;
      const cells = row
        .map((c) => {
          const cell: CellSpec = typeof c === 'string' ? { content: c } : c;
          const span = cell.gridSpan ?? 1;
          const width = colWidths.slice(col, col + span).reduce((a, b) => a + b, 0);
          col += span;
          const tcPr = [
            `<w:tcW w:w="${width}" w:type="dxa"/>`,
            cell.gridSpan ? `<w:gridSpan w:val="${cell.gridSpan}"/>` : '',
            cell.vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : cell.vMerge === 'continue' ? '<w:vMerge/>' : '',
          ].join('');
          const content = cell.content.startsWith('<') ? cell.content : paragraph(cell.content);
          return `<w:tc><w:tcPr>${tcPr}</w:tcPr>${content || '<w:p/>'}</w:tc>`;
        })
        .join('');
      return `<w:tr>${trPr}${cells}</w:tr>`;
    })
    .join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/>${borders}</w:tblPr>${grid}${rows}</w:tbl>`;
}

export interface LevelSpec {
  format: string;
  text: string;
  start?: number;
}

/** numbering.xml from abstract lists (index = abstractNumId) and instances (numId → abstractNumId, optional restarts). */
export function numbering(abstracts: LevelSpec[][], nums: Array<{ numId: number; abstractId: number; startOverride?: Record<number, number> }>): string {
  const abs = abstracts
    .map(
      (levels, id) =>
        `<w:abstractNum w:abstractNumId="${id}"><w:multiLevelType w:val="multilevel"/>${levels
          .map(
            (l, ilvl) =>
              `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${l.start ?? 1}"/><w:numFmt w:val="${l.format}"/><w:lvlText w:val="${esc(l.text)}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="${360 * (ilvl + 1)}" w:hanging="360"/></w:pPr></w:lvl>`,
          )
          .join('')}</w:abstractNum>`,
    )
    .join('');
  const instances = nums
    .map(
      (n) =>
        `<w:num w:numId="${n.numId}"><w:abstractNumId w:val="${n.abstractId}"/>${Object.entries(n.startOverride ?? {})
          .map(([ilvl, start]) => `<w:lvlOverride w:ilvl="${ilvl}"><w:startOverride w:val="${start}"/></w:lvlOverride>`)
          .join('')}</w:num>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="${W}">${abs}${instances}</w:numbering>`;
}

export function footnotesXml(notes: Map<number, string>): string {
  const sep = '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>';
  const body = [...notes]
    .map(
      ([id, text]) =>
        `<w:footnote w:id="${id}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> ${esc(text)}</w:t></w:r></w:p></w:footnote>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="${W}">${sep}${body}</w:footnotes>`;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="DejaVu Serif" w:hAnsi="DejaVu Serif" w:cs="DejaVu Serif"/><w:sz w:val="24"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="20"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style></w:styles>`;

export interface DocxSpec {
  /** Inner XML of w:body (paragraphs and tables). */
  body: string;
  numbering?: string;
  footnotes?: string;
  /** Put a centred PAGE field in the page header, as Vietnamese documents do. */
  pageNumbers?: boolean;
  /** Extra or replaced parts, e.g. a broken styles.xml. */
  parts?: Record<string, string | Uint8Array>;
}

/** Zips a complete .docx. */
export function buildDocx(spec: DocxSpec): Uint8Array {
  const rels: string[] = ['<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'];
  const overrides: string[] = [
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>',
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>',
  ];
  const files: Record<string, Uint8Array> = {};
  if (spec.numbering) {
    rels.push('<Relationship Id="rIdNum" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>');
    overrides.push('<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>');
    files['word/numbering.xml'] = strToU8(spec.numbering);
  }
  if (spec.footnotes) {
    rels.push('<Relationship Id="rIdFn" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>');
    overrides.push('<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>');
    files['word/footnotes.xml'] = strToU8(spec.footnotes);
  }
  let headerRef = '';
  if (spec.pageNumbers) {
    rels.push('<Relationship Id="rIdHdr" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>');
    overrides.push('<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>');
    files['word/header1.xml'] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr xmlns:w="${W}"><w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="center"/></w:pPr><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:hdr>`,
    );
    headerRef = '<w:headerReference w:type="default" r:id="rIdHdr"/>';
  }
  const sectPr = `<w:sectPr>${headerRef}<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>`;
  files['word/document.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${spec.body}${sectPr}</w:body></w:document>`,
  );
  files['word/styles.xml'] = strToU8(STYLES);
  files['word/_rels/document.xml.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
  );
  files['_rels/.rels'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  files['[Content_Types].xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}</Types>`,
  );
  for (const [name, data] of Object.entries(spec.parts ?? {})) files[name] = typeof data === 'string' ? strToU8(data) : data;
  return zipSync(files, { level: 9, mtime: new Date('2025-01-01T00:00:00Z') });
}

/** The list scheme of the seed fixtures: I. / 1. / a) / 1.1. on one multi-level list, "–" and "+" bullets on another. */
export const PLAN_LISTS: LevelSpec[][] = [
  [
    { format: 'upperRoman', text: '%1.' },
    { format: 'decimal', text: '%2.' },
    { format: 'lowerLetter', text: '%3)' },
    { format: 'decimal', text: '%2.%4.' },
  ],
  [
    { format: 'bullet', text: '–' },
    { format: 'bullet', text: '+' },
  ],
];
