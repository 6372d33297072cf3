/**
 * `FileAttachment(name)`, Observable's way for a cell to read a file: a dataset under `datasets/`
 * that the notebook names in its front matter (`datasets: [AirPassengers.csv]`), or a file the
 * student brought (dropped on the page or chosen with "Open notebook"). Listing datasets up front
 * documents what a lesson reads and lets the app ship exactly those.
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
  /** `where` names the file's origin in messages (a URL, or "your file"). */
  constructor(
    readonly name: string,
    private readonly where: string,
    private readonly load: () => Promise<Response>,
  ) {}

  private async response(): Promise<Response> {
    let response: Response;
    try {
      response = await this.load();
    } catch (error) {
      throw new Error(`FileAttachment("${this.name}"): could not read ${this.where} (${String(error)}).`, {
        cause: error,
      });
    }
    if (!response.ok) {
      throw new Error(
        `FileAttachment("${this.name}"): the server answered ${response.status} for ${this.where}.`,
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

/** Makes the `FileAttachment` function cells call. `files` are the student's own, by name. */
export function fileAttachments(
  baseUrl: string,
  datasets: readonly string[],
  fetchFile: FetchFile,
  files: ReadonlyMap<string, ArrayBuffer> = new Map(),
) {
  return function attachment(name: string): FileAttachment {
    const own = files.get(name);
    if (own) return new FileAttachment(name, 'your file', async () => new Response(own.slice(0)));
    if (!datasets.includes(name)) {
      const listed = datasets.length ? datasets.map((d) => `"${d}"`).join(', ') : 'none';
      const yours = files.size ? ` Your files: ${[...files.keys()].map((f) => `"${f}"`).join(', ')}.` : '';
      throw new Error(
        `FileAttachment("${name}"): no such file. Datasets this notebook lists: ${listed}.${yours} Add "${name}" under \`datasets:\` in the front matter, or drop your own ${name} on the page.`,
      );
    }
    const url = new URL(`datasets/${encodeURIComponent(name)}`, baseUrl).href;
    return new FileAttachment(name, url, () => fetchFile(url));
  };
}
