export declare function markdownTable(
  rows: { metric: string; value: string; target: string; pass?: boolean }[],
): string;
export declare function writeReadmeSection(readmePath: string, body: string, name?: string): void;
export declare function median(values: readonly number[]): number;
