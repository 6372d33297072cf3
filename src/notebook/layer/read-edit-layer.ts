/**
 * Checking an edit layer read back from storage (IndexedDB, a file) before using it: stored data
 * outlives the code that wrote it and can be damaged, and a layer holds a student's work, so a bad
 * one is reported precisely rather than half-applied.
 */
import type { BlockRef, EditLayer, EditedBlock, InsertedBlock, MovedFrom } from './edit-layer-types.ts';

/**
 * Returns `value` as an {@link EditLayer} (missing `inserted` and `removed` lists become empty),
 * or throws an `Error` naming the first thing that is wrong, e.g. `cells[2].text is not a string`.
 */
export function readEditLayer(value: unknown): EditLayer {
  const layer = record(value, 'the edit layer');
  if (layer.version !== 1) {
    throw new Error(`the edit layer has version ${JSON.stringify(layer.version)}; this app reads version 1`);
  }
  const notebook = string(layer.notebook, 'notebook');
  const cells = list(layer.cells, 'cells').map((item, i): EditedBlock => {
    const at = `cells[${i}]`;
    const cell = record(item, at);
    return {
      ...ref(cell, at),
      id: string(cell.id, `${at}.id`),
      text: string(cell.text, `${at}.text`),
      after: cell.after === null ? null : ref(record(cell.after, `${at}.after`), `${at}.after`),
    };
  });
  const inserted = list(layer.inserted ?? [], 'inserted').map((item, i): InsertedBlock => {
    const at = `inserted[${i}]`;
    const block = record(item, at);
    const id = string(block.id, `${at}.id`);
    if (!/^new-\d+$/.test(id)) throw new Error(`${at}.id is ${JSON.stringify(id)}, not new-<number>`);
    const info = block.info === undefined ? {} : { info: string(block.info, `${at}.info`) };
    // Layers stored before blocks could be moved have no `moved`.
    const moved = block.moved === undefined ? {} : { moved: movedFrom(block.moved, `${at}.moved`) };
    return {
      id,
      kind: kind(block.kind, `${at}.kind`),
      text: string(block.text, `${at}.text`),
      ...info,
      after: block.after === null ? null : ref(record(block.after, `${at}.after`), `${at}.after`),
      ...moved,
    };
  });
  const removed = list(layer.removed ?? [], 'removed').map((item, i) =>
    ref(record(item, `removed[${i}]`), `removed[${i}]`),
  );
  return { version: 1, notebook, cells, inserted, removed };
}

function ref(value: Record<string, unknown>, at: string): BlockRef {
  const index = value.index;
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0) {
    throw new Error(`${at}.index is not a whole number ≥ 0`);
  }
  return { kind: kind(value.kind, `${at}.kind`), index, base: string(value.base, `${at}.base`) };
}

function movedFrom(value: unknown, at: string): MovedFrom {
  const moved = record(value, at);
  return { ...ref(moved, at), id: string(moved.id, `${at}.id`) };
}

function kind(value: unknown, at: string): BlockRef['kind'] {
  if (value === 'code' || value === 'markdown') return value;
  throw new Error(`${at} is ${JSON.stringify(value)}, not "code" or "markdown"`);
}

function record(value: unknown, at: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`${at} is not an object`);
  return value as Record<string, unknown>;
}

function list(value: unknown, at: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${at} is not a list`);
  return value;
}

function string(value: unknown, at: string): string {
  if (typeof value !== 'string') throw new Error(`${at} is not a string`);
  return value;
}
