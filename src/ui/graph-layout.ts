/**
 * Where the dependency view draws each node and link. Each connected piece of the graph is laid
 * out top to bottom by dagre, its nodes sized to their labels (measured in the page's fonts, since
 * dagre needs every size up front) and its links drawn as smooth curves; then the pieces are
 * stacked in notebook order and the cells linked to no other packed in rows under them.
 *
 * Laying out is the costly part, so {@link layoutGraph} keeps the pieces of the last shape it saw
 * (the graph's `structureKey`), and {@link pack} places them for a panel's width without laying
 * them out again. Only `<dp-graph>` loads this module, so dagre stays out of the page until the
 * panel opens.
 */
import { graphlib, layout, type EdgeLabel, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';
import {
  components,
  shorten,
  type DependencyGraph,
  type GraphLink,
  type GraphNode,
} from '../learn/graph-model.ts';

/** A node's or a piece's box, from its top left corner, in pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A link as drawn: its path, and where its names go. */
export interface LinkShape {
  d: string;
  label?: { x: number; y: number; text: string };
}

/** One connected piece of the graph, laid out by dagre from its own origin. */
export interface Piece {
  width: number;
  height: number;
  boxes: Map<string, Box>;
  links: Map<string, LinkShape>;
}

/** The whole drawing: where each node and link goes. */
export interface GraphLayout {
  width: number;
  height: number;
  boxes: Map<string, Box>;
  /** Each link's shape in its piece's coordinates, and where that piece sits. */
  links: Map<string, LinkShape & { dx: number; dy: number }>;
  /** Where the cells linked to no other start (they are packed in rows under a heading). */
  looseTop?: number;
}

/** A graph's pieces laid out, before they are packed for a panel's width. */
export interface LaidOut {
  /** The `structureKey` of the graph they were laid out for. */
  key: string;
  /** The pieces with more than one node, in notebook order. */
  pieces: Piece[];
  /** The nodes linked to no other, in notebook order. */
  loose: string[];
  /** How long laying them out took, in ms. */
  ms: number;
}

const NODE_HEIGHT = 40;
const GAP = 14;
/** Space kept above the cells linked to no other, for their heading. */
const LOOSE_HEADING = 22;
/** Widest a node gets; a longer label is cut with "…" by CSS. */
const MAX_NODE = 180;

let measurer: CanvasRenderingContext2D | null | undefined;

/**
 * The width of `text` in pixels, measured with a canvas in the page's fonts, so nodes are sized
 * to their labels before anything is drawn (dagre needs every size up front). `mono` is the code
 * font; `size` and `weight` are as in `dp-graph.css`.
 */
function textWidth(text: string, size: number, { mono = false, bold = false } = {}): number {
  if (measurer === undefined) measurer = document.createElement('canvas').getContext('2d');
  if (!measurer) return text.length * size * 0.6;
  const style = getComputedStyle(document.documentElement);
  const family = style.getPropertyValue(mono ? '--dp-mono' : '--dp-font').trim() || 'sans-serif';
  measurer.font = `${bold ? 600 : 400} ${size}px ${family}`;
  return measurer.measureText(text).width;
}

/** A node's width: enough for its label and its second line (for a control, its kind and value). */
function nodeWidth(node: GraphNode): number {
  const label =
    node.kind === 'cell'
      ? textWidth(`[${node.number}] ${node.label}`, 12, { mono: node.code, bold: !node.code })
      : textWidth(node.label, 12, { mono: true, bold: true });
  const second = textWidth(
    node.kind === 'input'
      ? `${node.control} = 0000`
      : node.role === 'exercise'
        ? '✓ 000 ms · partly passed (0 of 0)'
        : '✓ 000 ms',
    11,
  );
  // Padding and the status edge (cells), or the rounded ends (controls).
  const padding = node.kind === 'cell' ? 22 : 32;
  return Math.ceil(Math.min(MAX_NODE, Math.max(label, second) + padding));
}

/** The names written on a link, short enough to sit on it. */
const linkText = (link: GraphLink) => shorten(link.names.join(', '), 18);

/**
 * A B-spline through the points, as d3's `curveBasis` draws one: it starts and ends at the first
 * and last points and bends smoothly through dagre's bend points instead of turning sharp corners.
 */
export function basisPath(points: readonly { x: number; y: number }[]): string {
  const [first, second] = points;
  if (!first) return '';
  if (!second) return `M${first.x},${first.y}`;
  const f = (n: number) => Math.round(n * 10) / 10;
  let d = `M${f(first.x)},${f(first.y)}`;
  if (points.length === 2) return `${d}L${f(second.x)},${f(second.y)}`;
  let [x0, y0, x1, y1] = [first.x, first.y, second.x, second.y];
  d += `L${f((5 * x0 + x1) / 6)},${f((5 * y0 + y1) / 6)}`;
  const curve = (x: number, y: number) => {
    d +=
      `C${f((2 * x0 + x1) / 3)},${f((2 * y0 + y1) / 3)} ${f((x0 + 2 * x1) / 3)},${f((y0 + 2 * y1) / 3)} ` +
      `${f((x0 + 4 * x1 + x) / 6)},${f((y0 + 4 * y1 + y) / 6)}`;
    [x0, y0, x1, y1] = [x1, y1, x, y];
  };
  for (const p of points.slice(2)) curve(p.x, p.y);
  curve(x1, y1);
  return `${d}L${f(x1)},${f(y1)}`;
}

/** Lays out one connected piece top to bottom with dagre (network-simplex layering). */
function layoutPiece(graph: DependencyGraph, ids: readonly string[]): Piece {
  const g = new graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>();
  g.setGraph({ rankdir: 'TB', nodesep: 14, ranksep: 28, edgesep: 8, marginx: 2, marginy: 2 });
  const inPiece = new Set(ids);
  for (const id of ids) g.setNode(id, { width: nodeWidth(graph.byId.get(id)!), height: NODE_HEIGHT });
  const links = graph.links.filter((l) => inPiece.has(l.from));
  // dagre orders the nodes of a layer by how their edges were added, last first: adding the links
  // in reverse leaves cells that read the same name in notebook order, left to right.
  for (const l of [...links].reverse()) {
    const text = linkText(l);
    g.setEdge(
      l.from,
      l.to,
      text
        ? { width: textWidth(text, 11, { mono: true }) + 8, height: 14, labelpos: 'c' }
        : { width: 0, height: 0 },
    );
  }
  layout(g);
  const boxes = new Map<string, Box>();
  for (const id of ids) {
    const n = g.node(id);
    boxes.set(id, { x: n.x! - n.width / 2, y: n.y! - n.height / 2, width: n.width, height: n.height });
  }
  const shapes = new Map<string, LinkShape>();
  for (const l of links) {
    const e = g.edge(l.from, l.to);
    const text = linkText(l);
    shapes.set(l.id, {
      d: basisPath(e.points ?? []),
      ...(text && e.x !== undefined && e.y !== undefined ? { label: { x: e.x, y: e.y, text } } : {}),
    });
  }
  const { width = 0, height = 0 } = g.graph();
  return { width, height, boxes, links: shapes };
}

/** Puts a piece's boxes and links into the whole drawing, moved by (dx, dy). */
function place(into: GraphLayout, piece: Piece, dx: number, dy: number): void {
  for (const [id, b] of piece.boxes) into.boxes.set(id, { ...b, x: b.x + dx, y: b.y + dy });
  // A path is moved by the group it is drawn in, rather than by rewriting its numbers.
  for (const [id, shape] of piece.links) into.links.set(id, { ...shape, dx, dy });
}

/**
 * The whole drawing for a panel `width` wide: the linked pieces stacked in notebook order (each
 * centred when narrower than the panel), then the cells linked to no other packed in rows. A wide
 * piece makes the drawing wider than the panel, which then scrolls sideways.
 */
export function pack(
  graph: DependencyGraph,
  pieces: readonly Piece[],
  loose: readonly string[],
  width: number,
): GraphLayout {
  const drawing: GraphLayout = { width, height: 0, boxes: new Map(), links: new Map() };
  let y = 0;
  for (const piece of pieces) {
    const dx = Math.max(0, (width - piece.width) / 2);
    place(drawing, piece, dx, y);
    drawing.width = Math.max(drawing.width, piece.width);
    y += piece.height + GAP;
  }
  if (loose.length > 0) {
    drawing.looseTop = y;
    y += LOOSE_HEADING;
    let x = 0;
    let rowHeight = 0;
    for (const id of loose) {
      const w = nodeWidth(graph.byId.get(id)!);
      if (x > 0 && x + w > width) {
        x = 0;
        y += rowHeight + GAP / 2;
      }
      drawing.boxes.set(id, { x, y, width: w, height: NODE_HEIGHT });
      rowHeight = NODE_HEIGHT;
      x += w + GAP / 2;
      drawing.width = Math.max(drawing.width, x - GAP / 2);
    }
    y += rowHeight;
  }
  drawing.height = Math.max(0, y);
  return drawing;
}

/** The pieces laid out last, kept across the panel closing and opening again (a new element). */
let laidOut: LaidOut | undefined;

/** The graph's pieces laid out, or the ones laid out last when the graph has the same shape. */
export function layoutGraph(graph: DependencyGraph): LaidOut & { fresh: boolean } {
  if (laidOut?.key === graph.structureKey) return { ...laidOut, fresh: false };
  const started = performance.now();
  const parts = components(graph);
  const pieces = parts.filter((p) => p.length > 1).map((p) => layoutPiece(graph, p));
  const loose = parts.filter((p) => p.length === 1).flat();
  laidOut = { key: graph.structureKey, pieces, loose, ms: performance.now() - started };
  return { ...laidOut, fresh: true };
}
