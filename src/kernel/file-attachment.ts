/**
 * `FileAttachment(name)`, Observable's way for a cell to read a file: here, a dataset under
 * `datasets/` that the notebook names in its front matter (`datasets: [AirPassengers.csv]`).
 * Listing datasets up front documents what a lesson reads and lets the app ship exactly those.
 */
import { autoType, csvParse, csvParseRows, tsvParse, tsvParseRows } from 'd3-dsv';

/** How the kernel fetches a dataset; a test can pass its own. */
export type FetchFile = (url: string) => Promise<Response>;

/** Options of `.csv()` and `.tsv()`, as in Observable. */
export interface DsvOptions {
  /** Convert numbers, booleans, dates and empty strings (as null) with d3-dsv's `autoType`. */
  typed?: boolean;
}

/** A named file a cell can read in several forms. */
export class FileAttachment {
  constructor(
    readonly name: string,
    private readonly url: string,
    private readonly fetchFile: FetchFile,
  ) {}

  private async response(): Promise<Response> {
    let response: Response;
    try {
      response = await this.fetchFile(this.url);
    } catch (error) {
      throw new Error(`FileAttachment("${this.name}"): could not fetch ${this.url} (${String(error)}).`, {
        cause: error,
      });
    }
    if (!response.ok) {
      throw new Error(
        `FileAttachment("${this.name}"): the server answered ${response.status} for ${this.url}.`,
      );
    }
    return response;
  }

  /** The file as text. */
  async text(): Promise<string> {
    return (await this.response()).text();
  }

  /** The file parsed as JSON. */
  async json(): Promise<unknown> {
    const text = await this.text();
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new Error(`FileAttachment("${this.name}"): not valid JSON: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }

  /** The file's bytes. */
  async arrayBuffer(): Promise<ArrayBuffer> {
    return (await this.response()).arrayBuffer();
  }

  /** Rows of a comma-separated file as objects keyed by the header; `{typed: true}` converts values. */
  async csv(options: DsvOptions = {}): Promise<object[]> {
    return parseDsv(this.name, await this.text(), 'csv', options);
  }

  /** Rows of a tab-separated file, like {@link csv}. */
  async tsv(options: DsvOptions = {}): Promise<object[]> {
    return parseDsv(this.name, await this.text(), 'tsv', options);
  }
}

const formats = {
  csv: { parse: csvParse, rows: csvParseRows },
  tsv: { parse: tsvParse, rows: tsvParseRows },
};

function parseDsv(name: string, text: string, format: keyof typeof formats, { typed = false }: DsvOptions) {
  const { parse, rows } = formats[format];
  // d3-dsv silently pads or cuts ragged rows; a lesson's data should not be, so name the first bad line.
  // (Lines are counted as records; a quoted field with a line break would shift the count.)
  const records = rows(text);
  const width = records[0]?.length ?? 0;
  const bad = records.findIndex(
    (r, i) => r.length !== width && !(i === records.length - 1 && r.join('') === ''),
  );
  if (bad > 0) {
    throw new Error(
      `FileAttachment("${name}"): line ${bad + 1} has ${records[bad].length} fields but the header has ${width}. Fix that line of the file.`,
    );
  }
  return typed ? parse(text, autoType) : parse(text);
}

/** Makes the `FileAttachment` function cells call. */
export function fileAttachments(baseUrl: string, datasets: readonly string[], fetchFile: FetchFile) {
  return function attachment(name: string): FileAttachment {
    if (!datasets.includes(name)) {
      const listed = datasets.length ? datasets.map((d) => `"${d}"`).join(', ') : 'none';
      throw new Error(
        `FileAttachment("${name}"): this notebook does not list that file. Datasets it lists: ${listed}. Add "${name}" under \`datasets:\` in the front matter.`,
      );
    }
    return new FileAttachment(name, new URL(`datasets/${encodeURIComponent(name)}`, baseUrl).href, fetchFile);
  };
}
