/**
 * Showing a lesson with a student's edit layer over it: the notebook to display, run and download,
 * and per block whether it is the student's text and whether the lesson changed under it.
 *
 * The rule for each case (student text is never dropped):
 * - a block the student never touched shows the lesson's current text (an updated lesson shows);
 * - an edited block whose lesson text is unchanged shows the student's text;
 * - an edited block whose lesson text changed shows the student's text, marked `lessonChanged`;
 * - an edited block the lesson removed is kept where it was (origin `kept`), marked `lessonChanged`;
 * - blocks the lesson inserted appear as untouched blocks;
 * - blocks the student inserted follow the lesson block they were inserted after;
 * - a block the student removed stays hidden while the lesson keeps it as it was; if the lesson has
 *   changed it, it shows again with the new text, marked `lessonChanged`;
 * - a lesson block the student moved shows where they put it, under its lesson id, marked `moved`,
 *   by the rules above (untouched: the lesson's current text; edited: the student's); if the lesson
 *   removes it, it is kept there when edited (origin `kept`) and goes with the lesson otherwise.
 */
import { rewriteCell } from '../block-text.ts';
import { parseInfoString } from '../info-string.ts';
import type { Block, Notebook } from '../notebook.ts';
import { layoutNotebook } from '../serialize-notebook.ts';
import type { EditLayer } from './edit-layer-types.ts';
import { planLayer } from './layer-plan.ts';

/** What "Show original" and "Reset" need to know about one block of an applied layer. */
export interface BlockState {
  /** Where it comes from: the lesson, the student (`inserted`), or an edit the lesson's block is gone for. */
  readonly origin: 'lesson' | 'inserted' | 'kept';
  /** It shows text that differs from the lesson's current text (always true for `inserted` and `kept`). */
  readonly edited: boolean;
  /** The lesson changed (or removed) this block after the student edited or removed it. */
  readonly lessonChanged: boolean;
  /** The lesson's current text of the block; `''` when the lesson has no such block. */
  readonly original: string;
  /** The lesson text the student's edit started from, when the lesson has changed it since. */
  readonly base?: string;
  /** Set on a lesson block the student moved away from its place in the lesson. */
  readonly moved?: true;
}

/** A lesson with an edit layer applied. */
export interface AppliedLayer {
  /** The notebook as the student sees it; `serializeNotebook` gives the `.md` with their edits. */
  readonly notebook: Notebook;
  /** Per block id of `notebook`, in the notebook's order. */
  readonly blocks: Map<string, BlockState>;
}

/** Applies `layer` to `lesson` (see the rules above). Lesson blocks keep their ids and objects when untouched. */
export function applyLayer(lesson: Notebook, layer: EditLayer): AppliedLayer {
  const plan = planLayer(lesson, layer);
  const states = new Map<string, BlockState>();
  const blocks = plan.map((entry, k): Block => {
    const last = k === plan.length - 1;
    if (entry.from === 'inserted') {
      const added = layer.inserted?.[entry.inserted];
      const kind = added?.kind ?? 'code';
      if (added?.moved !== undefined) {
        // A moved lesson block the lesson has since removed: like a kept edit, where it was moved to.
        const { base } = added.moved;
        states.set(entry.id, {
          origin: 'kept',
          edited: true,
          lessonChanged: true,
          original: '',
          base,
          moved: true,
        });
      } else {
        states.set(entry.id, { origin: 'inserted', edited: true, lessonChanged: false, original: '' });
      }
      return newBlock(kind, entry.id, added?.text ?? '', added?.info ?? 'ts', lesson.eol, last);
    }
    if (entry.from === 'kept') {
      const kept = layer.cells[entry.edit];
      const base = kept?.base ?? '';
      states.set(entry.id, { origin: 'kept', edited: true, lessonChanged: true, original: '', base });
      return newBlock(kept?.kind ?? 'code', entry.id, kept?.text ?? '', 'ts', lesson.eol, last);
    }
    const { block } = entry;
    const mover = entry.moved === undefined ? undefined : layer.inserted?.[entry.moved];
    // A move record whose text is still the text it was moved with is not an edit.
    const movedEdit =
      mover?.moved === undefined || mover.text === mover.moved.base
        ? undefined
        : { text: mover.text, base: mover.moved.base };
    const edit = entry.edit === undefined ? movedEdit : layer.cells[entry.edit];
    const text = edit?.text ?? block.source;
    // Text equal to the lesson's is untouched, even if the lesson only now caught up with it.
    const edited = text !== block.source;
    const changedUnder = edited && edit !== undefined && edit.base !== block.source;
    states.set(block.id, {
      origin: 'lesson',
      edited,
      lessonChanged: changedUnder || entry.removal !== undefined,
      original: block.source,
      ...(changedUnder ? { base: edit.base } : {}),
      ...(mover === undefined ? {} : { moved: true as const }),
    });
    return edited ? { ...block, source: text } : block;
  });
  return { notebook: relayout({ ...lesson, blocks }), blocks: states };
}

/** A block that is not in the lesson file; its text is regenerated when serialised. */
function newBlock(
  kind: Block['kind'],
  id: string,
  text: string,
  info: string,
  eol: string,
  last: boolean,
): Block {
  if (kind === 'markdown') return { kind, id, source: text, line: 0, raw: { text: '', source: '' } };
  const { lang, options } = parseInfoString(info);
  const fence = { open: '```' + info + eol, body: '', close: '```' + eol, indent: 0, source: '' };
  const raw = rewriteCell({ ...fence, after: last ? '' : eol }, text, eol);
  return { kind, id, lang, options, source: text, line: 0, unclosed: false, raw };
}

/** Sets each block's `line` to where it now starts, keeping the objects whose line did not move. */
function relayout(nb: Notebook): Notebook {
  const blocks = layoutNotebook(nb).map(({ block, line }) =>
    block.line === line ? block : { ...block, line },
  );
  return { ...nb, blocks };
}
