/**
 * An append-only audit log of automated decisions: who (which model and version) decided what about
 * whom, with the score, the threshold and the reasons, so a decision can be looked up and challenged
 * later. Each entry is frozen and carries the hash of its own content and the hash of the entry
 * before it (a hash chain, as in Schneier & Kelsey, "Secure audit logs to support computer
 * forensics", ACM TISSEC 2(2), 1999, without their keys), so editing, removing or inserting an entry
 * in a copy of the log breaks the chain at that point, and `verify` says where.
 *
 * The hash is FNV-1a 64-bit (Fowler, Noll & Vo; the offset basis and prime of the IETF draft
 * "The FNV non-cryptographic hash algorithm") over the entry's canonical JSON (keys sorted). It is
 * small and synchronous, so it runs the same in Node and in the notebook worker. It is
 * tamper-EVIDENT against accidents and careless edits, NOT cryptographic: anyone who can rewrite the
 * log can recompute every hash after the change. A production log would use SHA-256 with a signed or
 * externally anchored head.
 */

/** What a caller records about one decision. */
export interface AuditRecord {
  /** When the decision was made: an ISO 8601 date-time (or anything `Date.parse` reads). */
  time: string;
  /** The model's name, e.g. `'fraud-logit'`. */
  model: string;
  /** The model's version, e.g. `'2026-03-01'` or `'v3'`. */
  version: string;
  /** Whom or what the decision is about: a transaction id, a patient number. */
  subject: string | number;
  score: number;
  threshold: number;
  /** The outcome, e.g. `'flag'` or `'pass'`. */
  decision: string;
  /** Plain-language reasons (may be empty). */
  reasons: readonly string[];
}

/** One entry of the log, frozen. */
export interface AuditEntry extends AuditRecord {
  /** 0, 1, 2, … in the order recorded. */
  seq: number;
  /** FNV-1a 64-bit (16 hex digits) of the canonical JSON of every other field, `previousHash` included. */
  hash: string;
  /** The hash of the entry before; {@link genesisHash} for the first. */
  previousHash: string;
}

/** Filters of {@link AuditLog.query}; all given filters must hold. */
export interface AuditQuery {
  /** Entries at or after this time. */
  from?: string;
  /** Entries strictly before this time. */
  to?: string;
  /** Entries with exactly this decision. */
  decision?: string;
  /** Entries with a reason that contains this text (case-sensitive). */
  reason?: string;
  /** Entries of this model (any version). */
  model?: string;
  /** Entries of this model version. */
  version?: string;
}

/** What {@link verifyAuditTrail} finds. */
export interface AuditVerification {
  valid: boolean;
  /** Entries checked. */
  checked: number;
  /** The first entry that does not match, or null when all do. */
  firstInvalid: {
    index: number;
    seq: number;
    /** `'hash'`: the entry's content was changed; `'link'`: an entry before it was removed, inserted or changed; `'seq'`: the numbering has a gap. */
    problem: 'hash' | 'link' | 'seq';
    message: string;
  } | null;
}

/** The log. */
export interface AuditLog {
  /** Appends a decision and returns its frozen entry. */
  record(entry: AuditRecord): AuditEntry;
  /** Every entry in order (a new array of the frozen entries). */
  entries(): AuditEntry[];
  /** The entries that pass every given filter, in order. */
  query(filter?: AuditQuery): AuditEntry[];
  /** Checks the chain of this log, or of `entries` (e.g. a copy exported and read back). */
  verify(entries?: readonly AuditEntry[]): AuditVerification;
}

/** The `previousHash` of the first entry. */
export const genesisHash = '0000000000000000';

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK64 = 0xffffffffffffffffn;
const encoder = new TextEncoder();

/** FNV-1a 64-bit of the UTF-8 bytes of `text`, as 16 hex digits. */
export function fnv1a64(text: string): string {
  let h = FNV_OFFSET;
  for (const byte of encoder.encode(text)) h = ((h ^ BigInt(byte)) * FNV_PRIME) & MASK64;
  return h.toString(16).padStart(16, '0');
}

/** JSON with object keys sorted at every level, so equal content always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function hashOf(entry: Omit<AuditEntry, 'hash'> & { hash?: string }): string {
  const { seq, time, model, version, subject, score, threshold, decision, reasons, previousHash } = entry;
  return fnv1a64(
    canonicalJson({ seq, time, model, version, subject, score, threshold, decision, reasons, previousHash }),
  );
}

function parseTime(name: string, value: string): number {
  const t = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(t))
    throw new RangeError(
      `auditLog: ${name} must be a date-time such as '2026-03-01T09:30:00Z', got ${String(value)}`,
    );
  return t;
}

function checkRecord(r: AuditRecord) {
  if (!r || typeof r !== 'object') throw new TypeError('auditLog.record: needs an object');
  parseTime('time', r.time);
  for (const key of ['model', 'version', 'decision'] as const)
    if (typeof r[key] !== 'string' || r[key].length === 0)
      throw new RangeError(`auditLog.record: ${key} must be a non-empty string, got ${String(r[key])}`);
  if (!(typeof r.subject === 'string' || Number.isFinite(r.subject)))
    throw new RangeError(
      `auditLog.record: subject must be a string or a finite number, got ${String(r.subject)}`,
    );
  for (const key of ['score', 'threshold'] as const)
    if (!Number.isFinite(r[key]))
      throw new RangeError(`auditLog.record: ${key} must be a finite number, got ${r[key]}`);
  if (!Array.isArray(r.reasons) || !r.reasons.every((x) => typeof x === 'string'))
    throw new RangeError('auditLog.record: reasons must be an array of strings (possibly empty)');
}

/** Checks a chain of entries: each hash matches its content, each link the entry before, seq counts up. */
export function verifyAuditTrail(entries: readonly AuditEntry[]): AuditVerification {
  let previous = genesisHash;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const bad = (problem: 'hash' | 'link' | 'seq', message: string): AuditVerification => ({
      valid: false,
      checked: entries.length,
      firstInvalid: { index: i, seq: e.seq, problem, message },
    });
    if (e.previousHash !== previous)
      return bad(
        'link',
        `entry ${i} (seq ${e.seq}) does not follow the entry before it: one was removed, inserted or changed`,
      );
    if (hashOf(e) !== e.hash)
      return bad('hash', `entry ${i} (seq ${e.seq}) was changed after it was recorded`);
    if (e.seq !== i) return bad('seq', `entry ${i} has seq ${e.seq}: the numbering has a gap`);
    previous = e.hash;
  }
  return { valid: true, checked: entries.length, firstInvalid: null };
}

/** A new, empty audit log; see the module comment. */
export function auditLog(): AuditLog {
  const log: AuditEntry[] = [];
  return {
    record(r) {
      checkRecord(r);
      const draft = {
        seq: log.length,
        time: r.time,
        model: r.model,
        version: r.version,
        subject: r.subject,
        score: r.score,
        threshold: r.threshold,
        decision: r.decision,
        reasons: Object.freeze([...r.reasons]),
        previousHash: log.length ? log[log.length - 1]!.hash : genesisHash,
      };
      const entry: AuditEntry = Object.freeze({ ...draft, hash: hashOf(draft) });
      log.push(entry);
      return entry;
    },
    entries: () => log.slice(),
    query(filter = {}) {
      const from = filter.from === undefined ? -Infinity : parseTime('from', filter.from);
      const to = filter.to === undefined ? Infinity : parseTime('to', filter.to);
      return log.filter((e) => {
        const t = Date.parse(e.time);
        return (
          t >= from &&
          t < to &&
          (filter.decision === undefined || e.decision === filter.decision) &&
          (filter.model === undefined || e.model === filter.model) &&
          (filter.version === undefined || e.version === filter.version) &&
          (filter.reason === undefined || e.reasons.some((x) => x.includes(filter.reason!)))
        );
      });
    },
    verify: (entries = log) => verifyAuditTrail(entries),
  };
}
