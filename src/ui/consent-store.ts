/**
 * The notebooks from outside the app that the student agreed to run, remembered in this browser's
 * localStorage (`dplab-consent`) by the SHA-256 of their text: a notebook opened again exactly as it
 * was runs at once, and one whose text changed in any way (its code, or the hosts it asks for in
 * `network:`) is asked about again. The student's own edits to an open notebook do not change the
 * text it was opened from, so they never ask again.
 *
 * Only the page reads this store: the kernel runs in an opaque-origin sandbox with no access to the
 * app's storage (see `kernel/sandbox/`), so a notebook cannot grant itself consent.
 */

/** One notebook the student agreed to run. */
export interface Consent {
  /** SHA-256 of the notebook's text, in hex. */
  hash: string;
  /** The hosts it may connect to, as the student saw them. */
  hosts: string[];
  /** When, as an ISO date. */
  at: string;
}

const KEY = 'dplab-consent';
/** The newest consents kept; older ones are asked about again. */
const MAX_KEPT = 500;

/** The SHA-256 of a notebook's text (UTF-8), in hex. */
export async function notebookHash(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function isConsent(value: unknown): value is Consent {
  const c = value as Partial<Consent> | null;
  return (
    typeof c === 'object' &&
    c !== null &&
    typeof c.hash === 'string' &&
    typeof c.at === 'string' &&
    Array.isArray(c.hosts) &&
    c.hosts.every((h) => typeof h === 'string')
  );
}

/**
 * The consents, read from and written to localStorage. Never throws: where storage is refused
 * (a private window, a full disk) consent lasts for this page only.
 */
export class ConsentStore {
  private session: Consent[] | undefined;

  /** Whether the student agreed to run the notebook whose text hashes to `hash`. */
  has(hash: string): boolean {
    return this.read().some((c) => c.hash === hash);
  }

  /** Remembers that the student agreed to run this notebook, with these hosts. */
  grant(hash: string, hosts: readonly string[]): void {
    const kept = this.read().filter((c) => c.hash !== hash);
    const all = [...kept, { hash, hosts: [...hosts], at: new Date().toISOString() }].slice(-MAX_KEPT);
    this.session = all;
    try {
      localStorage.setItem(KEY, JSON.stringify(all));
    } catch {
      // Kept in `session` only.
    }
  }

  private read(): Consent[] {
    if (this.session) return this.session;
    try {
      const saved: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
      this.session = Array.isArray(saved) ? saved.filter(isConsent) : [];
    } catch {
      this.session = [];
    }
    return this.session;
  }
}
