/** A problem found while reading a file, shown to the author. Parsing never throws; it reports these. */
export interface NotebookProblem {
  /** 1-based line in the file. */
  readonly line: number;
  /** What is wrong and what to do about it; starts with `line N: ` so it can be shown as is. */
  readonly message: string;
}
