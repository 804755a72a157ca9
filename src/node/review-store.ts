/**
 * Review decisions kept in an embedded SQLite database in the plans' folder
 * (`<folder>/.plandiff/review.sqlite`, better-sqlite3). Decisions are appended, never updated: the
 * current decision on an item is its latest row, so two writers (two tabs, the server and the CLI)
 * never lose each other's work, and the history stays. The database runs in WAL mode with full
 * synchronous commits, so a killed process loses nothing it had committed and leaves no corruption.
 *
 * Each decision records the content hashes (SHA-256) of both plans as they were when it was made:
 * when a plan has changed since, the decision is reported as made on an earlier version, with the
 * item's text as the reviewer saw it — never dropped, never silently applied to the new text.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import Database from 'better-sqlite3';
import { UserError } from './files.js';
import type { ReviewItem, ReviewItemKind } from '../compare/review-items.js';

/** What a reviewer concluded about an item. */
export type ReviewStatus = 'confirmed' | 'explained' | 'false-alarm';

/** Every status, in the order they are offered. */
export const REVIEW_STATUSES: readonly ReviewStatus[] = ['confirmed', 'explained', 'false-alarm'];

/** A decision as stored. */
export interface Decision {
  /** Row id (increasing: a later decision on the same item has a larger id). */
  seq: number;
  /** Parent plan, relative to the folder, "/"-separated. */
  parent: string;
  /** Child plan, relative to the folder. */
  child: string;
  /** Review item id ("f-…", "t-…", "c-…"). */
  item: string;
  kind: ReviewItemKind;
  status: ReviewStatus;
  /** Why, for "explained" (required there), optional otherwise. */
  reason: string | null;
  /** Free notes. */
  note: string | null;
  /** The item's text as the reviewer saw it. */
  itemText: string;
  /** SHA-256 of the parent's and the child's bytes when the decision was made. */
  parentHash: string;
  childHash: string;
  /** Who (the OS user, or "web"). */
  author: string | null;
  /** ISO time. */
  at: string;
}

/** A decision to record. */
export type DecisionInput = Pick<Decision, 'parent' | 'child' | 'item' | 'kind' | 'status' | 'itemText'> &
  Partial<Pick<Decision, 'reason' | 'note' | 'author'>>;

/** A decision with how it stands against the plans as they are now. */
export interface DecisionState extends Decision {
  /** True when either plan has changed since the decision was made. */
  earlierVersion: boolean;
  /** True when the item no longer exists in the current comparison (only known with items). */
  orphaned: boolean;
}

/** Migrations, in order; the database's `user_version` is how many have run. */
const MIGRATIONS: readonly string[] = [
  // 1: append-only decisions
  `CREATE TABLE decisions (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     parent TEXT NOT NULL,
     child TEXT NOT NULL,
     item TEXT NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('finding', 'target', 'clause')),
     status TEXT NOT NULL CHECK (status IN ('confirmed', 'explained', 'false-alarm')),
     reason TEXT,
     note TEXT,
     item_text TEXT NOT NULL,
     parent_hash TEXT NOT NULL,
     child_hash TEXT NOT NULL,
     at TEXT NOT NULL
   );`,
  // 2: who decided, and the lookup of a pair's latest decisions
  `ALTER TABLE decisions ADD COLUMN author TEXT;
   CREATE INDEX decisions_pair ON decisions (parent, child, item, seq);`,
];

/** SHA-256 of a file's bytes, hex. */
export function fileHash(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** The store's path in a folder of plans. */
export function storePath(folder: string): string {
  return join(resolve(folder), '.plandiff', 'review.sqlite');
}

/** The folder whose store a pair of plans belongs to: the nearest folder above both that already
 * has a `.plandiff/review.sqlite`, else their nearest common folder. */
export function storeFolderFor(...plans: string[]): string {
  const dirs = plans.map((p) => dirname(resolve(p)));
  let common = dirs[0]!;
  while (!dirs.every((d) => d === common || d.startsWith(common.endsWith(sep) ? common : common + sep))) common = dirname(common);
  for (let d = common; ; d = dirname(d)) {
    if (existsSync(storePath(d))) return d;
    if (dirname(d) === d) return common;
  }
}

interface Row {
  seq: number;
  parent: string;
  child: string;
  item: string;
  kind: ReviewItemKind;
  status: ReviewStatus;
  reason: string | null;
  note: string | null;
  item_text: string;
  parent_hash: string;
  child_hash: string;
  author: string | null;
  at: string;
}

function fromRow(r: Row): Decision {
  return {
    seq: r.seq,
    parent: r.parent,
    child: r.child,
    item: r.item,
    kind: r.kind,
    status: r.status,
    reason: r.reason,
    note: r.note,
    itemText: r.item_text,
    parentHash: r.parent_hash,
    childHash: r.child_hash,
    author: r.author,
    at: r.at,
  };
}

/** Checks a decision before it is written; a UserError naming the problem otherwise. */
export function checkDecision(d: DecisionInput): void {
  if (!REVIEW_STATUSES.includes(d.status)) throw new UserError(`status "${d.status}": expected one of ${REVIEW_STATUSES.join(', ')}`);
  if (!['finding', 'target', 'clause'].includes(d.kind)) throw new UserError(`kind "${d.kind}": expected finding, target or clause`);
  if (!/^[ftc]-[0-9a-z]{10}(?:\.\d+)?$/.test(d.item)) throw new UserError(`item "${d.item}": expected a review id such as f-1x9k3m0a2b`);
  if (d.status === 'explained' && !(d.reason ?? '').trim()) throw new UserError('status "explained" needs a reason');
  for (const [name, v] of [['reason', d.reason], ['note', d.note], ['item text', d.itemText]] as const) {
    if (v && v.length > 20000) throw new UserError(`${name}: longer than 20000 characters`);
  }
}

/**
 * better-sqlite3 12 on Node ≥ 24.19 aborts the process when a Statement or Database object is
 * garbage-collected outside a JavaScript context (an idle GC, or one during shutdown): Node now
 * asserts in ObjectWrap's destructor (better-sqlite3 issue 1515; fixed by its 13.x, which needs
 * Node ≥ 22 and so cannot be used while Node 20 is supported). The workaround: nothing is ever left
 * for the GC — each database is held for the life of the process and reuses one Statement per SQL
 * text; the store makes its pragmas and transactions with statements of that cache.
 */
const HELD: Database.Database[] = [];
function keptAlive(db: Database.Database): Database.Database {
  HELD.push(db);
  const prepare = db.prepare.bind(db) as (...args: unknown[]) => Database.Statement;
  const statements = new Map<string, Database.Statement>();
  (db as unknown as { prepare: (...args: unknown[]) => Database.Statement }).prepare = (...args: unknown[]) => {
    const key = `${args.length}\u0000${String(args[0])}`;
    let statement = statements.get(key);
    if (!statement) statements.set(key, (statement = prepare(...args)));
    return statement;
  };
  return db;
}

/** The review decisions of one folder of plans. */
export class ReviewStore {
  /** The folder (plans are named relative to it). */
  readonly folder: string;
  private readonly db: Database.Database;

  /** Opens (creating and migrating when needed) the store of `folder`. */
  constructor(folder: string) {
    this.folder = resolve(folder);
    const path = storePath(this.folder);
    try {
      mkdirSync(dirname(path), { recursive: true });
      this.db = keptAlive(new Database(path, { timeout: 10000 }));
    } catch (e) {
      throw new UserError(`${path}: cannot open the review database (${(e as Error).message.split('\n')[0]})`);
    }
    // pragmas that set are run by exec (no Statement object: see keptAlive)
    this.db.exec('PRAGMA journal_mode = WAL');
    this.db.exec('PRAGMA synchronous = FULL');
    this.db.exec('PRAGMA foreign_keys = ON');
    this.migrate();
  }

  /** Runs the migrations the database has not seen, each in one transaction. */
  private migrate(): void {
    // BEGIN IMMEDIATE takes the write lock at once (as better-sqlite3's transaction().immediate())
    this.db.prepare('BEGIN IMMEDIATE').run();
    try {
      // re-read inside the write lock: another process may have migrated meanwhile
      const version = this.version;
      if (version > MIGRATIONS.length) throw new UserError(`${storePath(this.folder)}: made by a newer plandiff (schema ${version})`);
      for (let v = version; v < MIGRATIONS.length; v++) {
        this.db.exec(MIGRATIONS[v]!);
        this.db.exec(`PRAGMA user_version = ${v + 1}`);
      }
      this.db.prepare('COMMIT').run();
    } catch (e) {
      if (this.db.inTransaction) this.db.prepare('ROLLBACK').run();
      throw e;
    }
  }

  /**
   * A pragma's value through the statement cache (better-sqlite3's own pragma() prepares a fresh
   * Statement each call, which is what must not reach the GC on Node 24; see keptAlive).
   */
  private pragmaValue(source: string): unknown {
    const row = this.db.prepare(`PRAGMA ${source}`).raw(true).get() as unknown[] | undefined;
    return row?.[0];
  }

  /** The schema version (number of migrations run). */
  get version(): number {
    return Number(this.pragmaValue('user_version'));
  }

  /** A plan's path relative to the folder; a UserError when it lies outside. */
  relativePlan(path: string): string {
    const rel = relative(this.folder, resolve(path));
    if (!rel || rel.startsWith('..') || resolve(this.folder, rel) !== resolve(path)) throw new UserError(`${path}: not inside the plans' folder ${this.folder}`);
    return rel.split(sep).join('/');
  }

  /** Records a decision; the plans' hashes are read from their files now. */
  decide(input: DecisionInput): Decision {
    checkDecision(input);
    const parentHash = fileHash(join(this.folder, input.parent));
    const childHash = fileHash(join(this.folder, input.child));
    const row = this.db
      .prepare(
        `INSERT INTO decisions (parent, child, item, kind, status, reason, note, item_text, parent_hash, child_hash, author, at)
         VALUES (@parent, @child, @item, @kind, @status, @reason, @note, @itemText, @parentHash, @childHash, @author, @at)
         RETURNING *`,
      )
      .get({
        parent: input.parent,
        child: input.child,
        item: input.item,
        kind: input.kind,
        status: input.status,
        reason: input.reason?.trim() || null,
        note: input.note?.trim() || null,
        itemText: input.itemText,
        parentHash,
        childHash,
        author: input.author ?? null,
        at: new Date().toISOString(),
      }) as Row;
    return fromRow(row);
  }

  /** Every decision of a pair, oldest first. */
  history(parent: string, child: string): Decision[] {
    return (this.db.prepare('SELECT * FROM decisions WHERE parent = ? AND child = ? ORDER BY seq').all(parent, child) as Row[]).map(fromRow);
  }

  /** The latest decision on each item of a pair, against the plans as they are now; with `items`
   * (the current comparison's), decisions on items that no longer exist are marked orphaned. */
  current(parent: string, child: string, items?: readonly ReviewItem[]): DecisionState[] {
    const rows = this.db
      .prepare(
        `SELECT d.* FROM decisions d
         JOIN (SELECT item, MAX(seq) AS seq FROM decisions WHERE parent = ? AND child = ? GROUP BY item) m ON d.seq = m.seq
         ORDER BY d.seq`,
      )
      .all(parent, child) as Row[];
    const hashes = (() => {
      try {
        return { parent: fileHash(join(this.folder, parent)), child: fileHash(join(this.folder, child)) };
      } catch {
        return { parent: null, child: null };
      }
    })();
    const live = items ? new Set(items.map((i) => i.id)) : null;
    return rows.map(fromRow).map((d) => ({
      ...d,
      earlierVersion: d.parentHash !== hashes.parent || d.childHash !== hashes.child,
      orphaned: live !== null && !live.has(d.item),
    }));
  }

  /** Runs SQLite's integrity check: "ok" when the file is sound. */
  integrity(): string {
    return String(this.pragmaValue('integrity_check'));
  }

  /** Every decision of the folder, oldest first (for export). */
  all(): Decision[] {
    return (this.db.prepare('SELECT * FROM decisions ORDER BY seq').all() as Row[]).map(fromRow);
  }

  close(): void {
    this.db.close();
  }
}
