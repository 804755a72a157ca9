/**
 * Plain data models shared by every stage. No behaviour lives here.
 * The JSON printed by the CLI is these shapes (see docs/schema.json and ../shared/CONTRACT.md).
 */

/** A half-open range [start, end) of UTF-16 offsets into the original decoded file text. */
export type Span = [number, number];

/** Something odd found in a document; never fatal. */
export interface Warning {
  /** Machine-readable kind, e.g. "number-mismatch", "duplicate-label", "date-mismatch". */
  code: string;
  /** One human sentence naming what was found. */
  message: string;
  /** Where in the original text, when it has a place. */
  span?: Span;
}

/** Where a block of text sits in the document's layout. */
export type Zone =
  | 'header' // national motto, issuer block, "Số: …", place and date
  | 'title' // the document's own type word and title lines
  | 'preamble' // "Căn cứ …", "Thực hiện …", "Theo đề nghị …" before the first section
  | 'decision' // the articles ("Điều 1.") of a decision that carries the plan
  | 'body' // the plan's own sections
  | 'appendix' // appendix tables and their headings
  | 'closing' // Nơi nhận, signature, names
  | 'footnote';

/** What a clause is, by the way it is labelled. */
export type ClauseKind =
  | 'section' // "I.", "II", "IV." Roman-numbered sections
  | 'item' // "1.", "2", "1.1.", "2.3." numbered items
  | 'point' // "a)", "b)", "đ)" lettered points
  | 'bullet' // "-", "+", "- +", "•"
  | 'paragraph' // an unlabelled paragraph continuing its parent
  | 'heading' // an unlabelled heading line (e.g. "- Cải cách thể chế:" subheads, "Mục tiêu chung")
  | 'article' // "Điều 1." of a decision
  | 'appendix' // an appendix: its title and its table rows as children
  | 'group' // a table section row ("I", "II", "III") grouping rows
  | 'row'; // a table data row

/** The meaning of a table column, read from its header whatever the wording. */
export type CellRole =
  | 'index' // TT, STT
  | 'task' // Tên nhiệm vụ, Nội dung công việc
  | 'metric' // Chỉ tiêu (when the column names the indicator)
  | 'assignment' // Phân công và cách thức thực hiện (lead and partners together)
  | 'lead' // Cơ quan chủ trì, Đơn vị chủ trì
  | 'partner' // Cơ quan phối hợp
  | 'evaluator' // Cơ quan chủ trì đánh giá
  | 'time' // Thời gian thực hiện / hoàn thành
  | 'target' // Chỉ tiêu (value), Chỉ tiêu năm 2025 (%)
  | 'basis' // Căn cứ thực hiện
  | 'note' // Ghi chú
  | 'product' // Dự kiến sản phẩm, Sản phẩm
  | 'unit' // Đơn vị, Đơn vị tính (the unit of the value column)
  | 'other';

/** One cell of a table row, named by its column. */
export interface TableCell {
  /** The column's meaning. */
  role: CellRole;
  /** The column header as printed (cleaned), e.g. "Chỉ tiêu năm 2025 (%)". */
  header: string;
  /** The cell text, continuation fragments from page-split rows joined. */
  text: string;
  /** Where the cell's text starts and ends in the original (first fragment start, last fragment end). */
  span: Span;
}

/** One node of the clause tree. */
export interface Clause {
  /** Stable path id, e.g. "II.1.b", "II.1.b.2" (second bullet), "PL.I.2" (appendix table row), "D.1" (article). */
  id: string;
  /** The label as printed without punctuation ("b", "1.2", "II", "-"); null for unlabelled paragraphs. */
  label: string | null;
  /** What kind of clause this is. */
  kind: ClauseKind;
  /** Display text: own text only, label and children excluded, page breaks joined, marks removed. */
  text: string;
  /** Comparison form of `text`: NFC, one tone placement, case/spacing/punctuation folded, abbreviations expanded. */
  norm: string;
  /** Where the clause's own text lies in the original file. */
  span: Span;
  /** Layout zone of the clause. */
  zone: Zone;
  /** Named cells, for table rows and groups. */
  cells?: TableCell[];
  /** Nested clauses. */
  children: Clause[];
}

/** A block recognised outside the content tree (preamble line, closing block, footnote). */
export interface Block {
  /** Stable id, e.g. "preamble.2", "closing.1", "fn.1". */
  id: string;
  /** Which zone it belongs to. */
  zone: Zone;
  /** What the block is: "basis" (Căn cứ), "implements" (Thực hiện/Triển khai), "proposal" (Theo đề nghị),
   * "recipients" (Nơi nhận), "signature", "motto", "footnote", "intro", … */
  role: string;
  /** Footnote marker ("1", "¹") for footnotes. */
  label?: string;
  /** Cleaned text. */
  text: string;
  /** Where it lies in the original file. */
  span: Span;
}

/** The document's identity and header facts. */
export interface DocumentMeta {
  /** Kế hoạch | Quyết định | Chỉ thị | Nghị quyết | Công văn | … (the plan's type when a decision carries a plan; see `carrier`). */
  type: string | null;
  /** The number as printed ("344", "01"); null when left blank ("Số: /KH-SCT"). */
  number: string | null;
  /** The symbol as printed, spaces removed ("QĐ-UBND", "KH-SCT", "NQ/TW"). */
  symbol: string | null;
  /** Issue year. */
  year: number | null;
  /** ISO date, or partial ("2024-02") when the day is blank. */
  date: string | null;
  /** Issuing body, e.g. "UBND tỉnh Khánh Hòa", "Sở Công Thương tỉnh Bắc Giang". */
  issuer: string | null;
  /** Place of issue as printed ("Khánh Hòa", "Bắc Giang"). */
  place: string | null;
  /** Province the issuer belongs to, when known. */
  province: string | null;
  /** Administrative level of the issuer. */
  level: 'national' | 'province' | 'department' | 'district' | null;
  /** Title: type word plus subject, e.g. "Kế hoạch cải cách thủ tục hành chính trọng tâm năm 2025 …". */
  title: string | null;
  /** Type of the instrument that issues the plan when it is not the plan itself ("Quyết định" for a
   * Kế hoạch annexed to "Quyết định số 344/QĐ-UBND"); null when the plan is issued directly. */
  carrier: string | null;
  /** How the file's bytes were decoded ("utf-8", "utf-8-bom", "utf-16le", "windows-1258", "tcvn3", "vni"; "ocr" for a scan). */
  encoding: string;
  /** Set when the text was read from a scan by OCR: the engine, and its mean word confidence (0–100) on each page. */
  ocr?: { engine: string; pages: Array<{ page: number; confidence: number }> };
  /** Contradictions and oddities found while reading. */
  warnings: Warning[];
}

/** The relation of a citing document to a cited one. */
export type CitationRelation = 'implements' | 'basis' | 'refers';

/** One place a cited document is mentioned. */
export interface Mention {
  /** Clause or block id where it occurs. */
  clauseId: string;
  /** The mention as written (cleaned), e.g. "Nghị quyết số 01/NQ-CP ngày 05/01/2024". */
  text: string;
  /** Where it lies in the original file. */
  span: Span;
  /** Pinpoint inside the cited document, e.g. "khoản 2 Điều 8", "Chương V", "Phần II Phụ lục, Mục 1". */
  pinpoint?: string;
}

/** One distinct cited document. */
export interface Citation {
  /** Canonical identity: "SYMBOL/NUMBER/YEAR", e.g. "NQ-CP/01/2024"; laws by title: "Luật/<folded title>/YEAR". */
  key: string;
  /** Type word: Luật, Nghị quyết, Nghị định, Quyết định, Chỉ thị, Thông tư, Kế hoạch, Công văn, … */
  type: string | null;
  /** Number as printed, leading zeros kept. */
  number: string | null;
  /** Symbol with spaces removed ("QĐ-UBND", "NQ/TW", "2010/NĐ-CP" → "NĐ-CP"). */
  symbol: string | null;
  /** Year of the cited document (from the number or, failing that, its date). */
  year: number | null;
  /** ISO date when written. */
  date: string | null;
  /** Issuer as written or inferred from the symbol. */
  issuer: string | null;
  /** Subject ("về …") when written. */
  subject: string | null;
  /** Province a local instrument belongs to ("Khánh Hòa" for 421/QĐ-UBND), so that the same local
   * number in two provinces stays two documents; null for national instruments. */
  scope: string | null;
  /** Strongest relation over its mentions: implements > basis > refers. */
  relation: CitationRelation;
  /** Every place it is mentioned. */
  mentions: Mention[];
}

export type Comparator = '>=' | '>' | '=' | '<=' | '<';

/** One numeric commitment. */
export interface Target {
  /** Stable id: clause id plus ordinal, e.g. "PL.I.2#1". */
  id: string;
  /** Clause the target sits in. */
  clauseId: string;
  /** The indicator phrase, not the whole paragraph. */
  metric: string;
  /** Comparison form of the metric (folded, abbreviations expanded). */
  metricNorm: string;
  comparator: Comparator;
  value: number;
  /** "%", or a count/day/money unit where written. */
  unit: string | null;
  /** Year by which it is due. */
  horizon: number | null;
  /** Deadline as written ("Trong năm 2024", "trước tháng 6/2024"). */
  deadline: string | null;
  /** Lead units. */
  lead: string[];
  /** Cooperating units. */
  partners: string[];
  /** Citation keys of the basis documents (appendix "Căn cứ" column or the sentence). */
  basis: string[];
  /** Table group or heading the target sits under. */
  group: string | null;
  /** The sentence or table row it came from. */
  text: string;
  /** Where the value (or the row) lies in the original file. */
  span: Span;
}

/** Everything read from one document: the `parse --json` output. */
export interface ParsedDocument {
  /** File path as given, when read from disk. */
  file: string | null;
  meta: DocumentMeta;
  /** Content tree (decision articles, body sections, appendices). */
  clauses: Clause[];
  /** Header and title blocks (issuer block, "Số: …", place and date, type word, subject, "(Ban hành kèm theo …)"). */
  header: Block[];
  /** Preamble lines ("Căn cứ …", "Thực hiện …"). */
  preamble: Block[];
  /** Closing blocks (Nơi nhận, signature, names, motto). */
  closing: Block[];
  /** Footnotes, kept apart from body text. */
  footnotes: Block[];
  /** Abbreviations defined in the document ("thủ tục hành chính (TTHC)") plus the glossary entries it uses. */
  abbreviations: Record<string, string>;
  /** Documents cited by number (identity: type/number/symbol/year), one entry each. */
  citations: Citation[];
  /** Documents cited by title only, without a number ("Luật Tổ chức chính quyền địa phương ngày
   * 19/6/2015", an unresolved "Đề án 06"): same shape, kept apart because they have no number. */
  titledCitations: Citation[];
  targets: Target[];
}

/**
 * A run of cleaned text with the original offset of every character, handed by the structure
 * stage to the extractors (citations, targets) so whatever they find carries a span into the original.
 */
export interface Passage {
  /** Clause or block id the text belongs to. */
  clauseId: string;
  /** Layout zone of that clause or block. */
  zone: Zone;
  /** Block role for preamble/closing blocks ("basis", "implements", …); the clause kind otherwise. */
  role: string;
  /** Cleaned display text. */
  text: string;
  /** offsets[i] is the original offset of text[i]; offsets[text.length] is the original end. */
  offsets: Int32Array;
  /** Named cells when the passage is a table row. */
  cells?: TableCell[];
  /** Text of the enclosing headings, nearest last (e.g. ["I. MỤC TIÊU", "a) Đến năm 2025:"]). */
  headings: string[];
}

/** How a target fared from plan A (parent/older) to plan B (derivative/newer). */
export type TargetStatus = 'copied' | 'modified' | 'dropped' | 'added';

/** One aspect in which a matched target changed. */
export type TargetChangeKind = 'value' | 'comparator' | 'horizon' | 'deadline' | 'lead' | 'unit';

/** A target of A matched (or not) to a target of B. */
export interface TargetChange {
  status: TargetStatus;
  /** Direction of a value change: raised | lowered; null when the value did not change. */
  change: 'raised' | 'lowered' | null;
  /** Every aspect that changed, e.g. ["value", "deadline"]. */
  changes: TargetChangeKind[];
  /** For a derivative against its parent: asks less (weakened), more (strengthened), or neither. */
  verdict: 'weakened' | 'strengthened' | null;
  /** How close the two metrics are (0..1); null for dropped/added. */
  similarity: number | null;
  /** One readable sentence, e.g. "45% → 60% (raised)". */
  summary: string;
  a: Target | null;
  b: Target | null;
}

/** Alignment status of a clause pair. */
export type AlignmentStatus = 'identical' | 'modified' | 'dropped' | 'added';

/** A clause as shown on one side of an alignment. */
export interface AlignedClause {
  id: string;
  text: string;
  span: Span;
}

/** One clause of A carried by one clause of B (or by none, or B's clause from none). */
export interface Alignment {
  status: AlignmentStatus;
  a: AlignedClause | null;
  b: AlignedClause | null;
  /** Text similarity of the pair (0..1); 1 for identical; null for dropped/added. */
  similarity: number | null;
  /** True when the clause sits at a different place in the order of B than in A. */
  moved: boolean;
  /** For modified pairs: cosmetic (typo, abbreviation, casing) or substantive. */
  nature: 'cosmetic' | 'substantive' | null;
  /** Part of a merge (several A clauses to one B) or a split (one A to several B). */
  group: 'merge' | 'split' | null;
  /** Word-level diff rendered on our own tokens: [op, text] with op -1 (deleted), 0 (kept), 1 (inserted). */
  diff?: Array<[-1 | 0 | 1, string]>;
}

/** The `compare --json` output. */
export interface Comparison {
  /** How B relates to A: 'parent' (B derives from A: weakened/strengthened verdicts apply) or 'peer'. */
  relation?: 'parent' | 'peer';
  a: DocumentMeta & { file: string | null };
  b: DocumentMeta & { file: string | null };
  alignments: Alignment[];
  targets: TargetChange[];
}

/** Relation of a lineage edge. */
/** `succeeds`: a newer edition of a series → the edition it follows (see src/corpus/series.ts). */
export type LineageRelation = CitationRelation | 'reuse' | 'succeeds';

/** A document in the lineage graph: a plan of the folder, or a document cited by one. */
export interface LineageNode {
  /** Stable id: the canonical key for numbered documents, with "@<province>" for local instruments
   * ("QĐ-UBND/421/2024@Khánh Hòa"); "file:<path>" for plans of the folder without a number. */
  id: string;
  /** Canonical citation key when the document has a number. */
  key: string | null;
  type: string | null;
  number: string | null;
  symbol: string | null;
  year: number | null;
  date: string | null;
  title: string | null;
  issuer: string | null;
  /** national | province | department | district, inferred from the issuer or the symbol. */
  level: 'national' | 'province' | 'department' | 'district' | null;
  /** Relative path, only for documents present in the folder (the first of `files`). */
  file?: string;
  /** Every file of the folder that carries this document (a plan as .txt and .docx, two copies), in code-point order. */
  files?: string[];
  /** Oddities of the node: several files with one identity. */
  warnings?: Warning[];
}

/** An entry of a folder run that could not be read: a file, an unreadable subfolder, a dangling link, a FIFO. */
export interface SkippedFile {
  /** The entry's path, relative to the folder it was found in. */
  file: string;
  /** Why, in one line ("is a scanned PDF…", "permission denied"). */
  error: string;
}

/** A directed edge of the lineage graph. */
export interface LineageEdge {
  source: string;
  target: string;
  relation: LineageRelation;
  /** For reuse: share of text in common after discounting the standard skeleton; otherwise 1. */
  score: number;
  /** Number of mentions behind a citation edge. */
  mentions?: number;
}

/** The `lineage --json` output. */
export interface LineageGraph {
  nodes: LineageNode[];
  edges: LineageEdge[];
  /** Entries of the folder that could not be read, with the reason (one bad file never loses the others). */
  skipped?: SkippedFile[];
}
