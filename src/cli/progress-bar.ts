/**
 * A progress bar on stderr, so stdout stays clean for the results. Drawn only on a terminal and
 * at most every 100 ms; elsewhere (CI logs, pipes) a line every 10 %.
 */
export class ProgressBar {
  private done = 0;
  private lastDraw = 0;
  private lastTenth = -1;

  constructor(
    private readonly total: number,
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  /** Counts one more item done. */
  tick(): void {
    this.done++;
    const now = Date.now();
    if (this.stream.isTTY) {
      if (now - this.lastDraw < 100 && this.done < this.total) return;
      this.lastDraw = now;
      const width = 30;
      const filled = Math.round((this.done / this.total) * width);
      this.stream.write(
        `\r${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.done}/${this.total}`,
      );
      if (this.done === this.total) this.stream.write('\n');
    } else {
      const tenth = Math.floor((this.done / this.total) * 10);
      if (tenth > this.lastTenth) {
        this.lastTenth = tenth;
        this.stream.write(`${this.label}: ${this.done}/${this.total}\n`);
      }
    }
  }
}
