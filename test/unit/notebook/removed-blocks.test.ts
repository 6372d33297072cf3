/** Deleted lesson blocks are listed and can be brought back, also from a layer read back from storage. */
import { describe, expect, it } from 'vitest';
import { parseNotebook } from '../../../src/notebook/parse-notebook.ts';
import {
  applyLayer,
  emptyLayer,
  readEditLayer,
  recordEdit,
  recordRemove,
} from '../../../src/notebook/layer/edit-layer.ts';
import { removedBlocks, restoreRemoved } from '../../../src/notebook/layer/removed-blocks.ts';

const lesson = parseNotebook('# Title\n\n```ts\nconst a = 1;\n```\n\nMiddle.\n\n```ts\nconst b = 2;\n```\n');
const ids = (layer: ReturnType<typeof emptyLayer>, of = lesson) =>
  applyLayer(of, layer).notebook.blocks.map((b) => b.id);

describe('removed blocks', () => {
  it('lists deleted lesson blocks with their lesson text and brings one back in its place', () => {
    let layer = recordEdit(emptyLayer('k'), lesson, 'cell-2', 'const b = 3;');
    layer = recordRemove(layer, lesson, 'cell-1');
    layer = recordRemove(layer, lesson, 'md-2');
    // Stored and read back, as after a reload.
    layer = readEditLayer(JSON.parse(JSON.stringify(layer)));
    expect(removedBlocks(layer, lesson)).toEqual([
      { index: 0, kind: 'code', text: 'const a = 1;' },
      { index: 1, kind: 'markdown', text: 'Middle.\n\n' },
    ]);
    expect(ids(layer)).toEqual(['md-1', 'cell-2']);
    const back = restoreRemoved(layer, 0);
    expect(ids(back)).toEqual(['md-1', 'cell-1', 'cell-2']);
    expect(removedBlocks(back, lesson)).toEqual([{ index: 0, kind: 'markdown', text: 'Middle.\n\n' }]);
    // The other edits stay.
    expect(applyLayer(lesson, back).notebook.blocks.at(-1)?.source).toBe('const b = 3;');
    expect(restoreRemoved(back, 5)).toBe(back);
  });

  it('does not list a deletion the lesson has changed since (that block shows again by itself)', () => {
    const layer = recordRemove(emptyLayer('k'), lesson, 'cell-1');
    const updated = parseNotebook(
      '# Title\n\n```ts\nconst a = 100;\n```\n\nMiddle.\n\n```ts\nconst b = 2;\n```\n',
    );
    expect(removedBlocks(layer, updated)).toEqual([]);
    expect(ids(layer, updated)).toContain('cell-1');
  });
});
