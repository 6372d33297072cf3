/**
 * Why a cell runs: the student asked for it, or names it reads changed since its last run (a
 * control moved, an upstream cell ran again), or it has not run with its current code yet. The
 * dependency view shows this after a run ("`k` changed").
 *
 * Each name gets a new version whenever its value is published (its cell finished a run, or the
 * control it is bound to moved); a cell remembers the versions it last ran with.
 */
export class RunCauses {
  private clock = 0;
  private readonly versions = new Map<string, number>();
  /** Per cell: the versions of the names it read in its last run. */
  private readonly seen = new Map<string, Map<string, number>>();
  /** Cells asked for since they last ran, and why. */
  private readonly requested = new Map<string, string>();

  /** These cells were asked for: by the student (Run, Run all, Shift+Enter), or to be recomputed. */
  request(ids: Iterable<string>, cause = 'run requested'): void {
    for (const id of ids) this.requested.set(id, cause);
  }

  /** These names have new values. */
  publish(names: Iterable<string>): void {
    for (const name of names) this.versions.set(name, ++this.clock);
  }

  /** A cell's code changed: what it read before no longer explains a run. */
  forget(id: string): void {
    this.seen.delete(id);
  }

  /**
   * Why cell `id` is running now, given the names it reads from other cells; remembers them as
   * seen. Names are listed in the order the cell reads them.
   */
  begin(id: string, reads: readonly string[]): string {
    const before = this.seen.get(id);
    const now = new Map(reads.map((name) => [name, this.versions.get(name) ?? 0]));
    this.seen.set(id, now);
    const asked = this.requested.get(id);
    this.requested.delete(id);
    if (asked !== undefined) return asked;
    if (before === undefined) return 'first run with this code';
    const changed = reads.filter((name) => before.get(name) !== now.get(name));
    if (changed.length === 0) return 'its inputs were recomputed';
    return `${changed.map((name) => `\`${name}\``).join(', ')} changed`;
  }
}
