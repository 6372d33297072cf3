/**
 * `<dp-graph>`: the dependency view in the side panel. It draws the notebook's dataflow graph —
 * cells and the controls they make as nodes, the names read along the links — laid out in layers
 * by dagre; each node shows its status, its last run's length and its exercise's state. Hovering or
 * focusing a node highlights what would re-run if it changed, and says so in a status line; below,
 * "Why cells re-ran" lists the newest run's cells with the kernel's reason ("`k` changed").
 *
 * The nodes are buttons in an HTML list laid over an SVG of the links, so they are real focus
 * targets with accessible names: one of them is in the Tab order, the arrow keys move between them
 * in notebook order, focus highlights like hover does, and Enter (or a click) goes to the cell.
 *
 * The graph's data comes from `learn/graph-model.ts`, the newest run's cells from
 * `learn/run-log.ts`, and where everything goes from `graph-layout.ts` (dagre). Layout is the costly
 * part, so it is redone only when the graph changes shape (its `structureKey`), not on every status
 * change.
 */
import { LitElement, html, nothing, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  STATUS,
  buildGraph,
  describeNode,
  exerciseText,
  formatMs,
  listTitle,
  nodeView,
  rerunSummary,
  type DependencyGraph,
  type GraphNode,
  type NodeView,
} from '../learn/graph-model.ts';
import { EMPTY_RUN_LOG, rerunReasons, trackRuns, type RunLog } from '../learn/run-log.ts';
import type { ExerciseState } from '../learn/exercise-state.ts';
import type { GraphEdge } from '../learn/upstream.ts';
import type { CellState } from '../runtime/cell-state.ts';
import { layoutGraph, pack, type GraphLayout, type LaidOut } from './graph-layout.ts';
import type { NotebookController } from './notebook-controller.ts';
import { withCode } from './with-code.ts';
import './dp-graph.css';

/** What each node shows on its second line: a status mark, the run's length, the exercise. */
function stateLine(node: GraphNode, view: NodeView) {
  if (node.kind === 'input') return `${node.control}${view.value === undefined ? '' : ` = ${view.value}`}`;
  const { mark, text } = STATUS[view.status];
  const what = view.status === 'ok' && view.lastRun ? formatMs(view.lastRun.ms) : text;
  return `${mark} ${what}${view.exercise ? ` · ${exerciseText(view.exercise)}` : ''}`;
}

/** The node's title as it is drawn: `[2] squared` for a cell, the control's name for an input. */
function nodeLabel(node: GraphNode) {
  return `${node.kind === 'cell' ? `[${node.number}] ` : ''}${node.label}`;
}

/**
 * A node button's accessible name: the text it shows, then what it is. Starting with the visible
 * text lets a speech-input user say what they see (WCAG 2.5.3, Label in Name).
 */
function nodeName(graph: DependencyGraph, node: GraphNode, view: NodeView) {
  return `${nodeLabel(node)} ${stateLine(node, view)} — ${describeNode(graph, node, view)}`;
}

@customElement('dp-graph')
export class DpGraph extends LitElement {
  /** The controller of the open notebook: its cells, edges, exercises and kernel. */
  @property({ attribute: false }) controller!: NotebookController;
  /** The cells' run states (a new Map on every change): nodes' statuses are redrawn from them. */
  @property({ attribute: false }) states?: ReadonlyMap<string, CellState>;
  /**
   * The kernel's edges, when the app passes them (`.edges=${controller.edges}`): then a change of
   * the graph alone (cells moved or deleted, before anything runs) redraws it. Without them the
   * controller's edges are read whenever the states change.
   */
  @property({ attribute: false }) edges?: readonly GraphEdge[];
  /**
   * The top-level names each cell defines (the kernel's `names` event), when the app has them to
   * give: nodes are then labelled by all of a cell's names, not only those other cells read.
   */
  @property({ attribute: false }) defines?: ReadonlyMap<string, readonly string[]>;

  /** The node under the pointer, and the node with the keyboard focus (hover wins). */
  @state() private hovered?: string;
  @state() private focused?: string;
  /** The node that is in the Tab order (a roving tabindex). */
  @state() private current?: string;
  /** The graph fills most of the window instead of the side panel (a lesson's graph is wide). */
  @state() private expanded = false;
  /** The panel's inner width, for packing pieces and centring them. */
  @state() private width = 340;

  private graph?: DependencyGraph;
  private views = new Map<string, NodeView>();
  private runLog: RunLog = EMPTY_RUN_LOG;
  /** What the graph was built from, so a hover does not rebuild it. */
  private builtFrom: unknown[] = [];
  /** The laid-out pieces of the current shape, and the drawing packed from them. */
  private pieces?: LaidOut;
  private drawing?: { width: number; layout: GraphLayout };
  private resize?: ResizeObserver;
  /** A new drawing is shown: scroll it sideways to the notebook's first cell. */
  private scrollToStart = false;
  private layouts = 0;

  /** How many times this element laid the graph out (for tests: a status change must not). */
  get layoutCount(): number {
    return this.layouts;
  }

  /** How long the current shape took to lay out, in ms (for tests). */
  get layoutMs(): number | undefined {
    return this.pieces?.ms;
  }

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resize = new ResizeObserver(([entry]) => {
      const width = Math.floor(entry?.contentRect.width ?? 0);
      // Small changes (a scroll bar coming and going) do not repack the drawing.
      if (width > 0 && Math.abs(width - this.width) > 8) this.width = width;
    });
    this.resize.observe(this);
    this.addEventListener('keydown', this.onEscape);
  }

  private onEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !this.expanded) return;
    event.stopPropagation();
    this.expanded = false;
  };

  protected override updated(): void {
    this.toggleAttribute('data-expanded', this.expanded);
    if (this.scrollToStart) {
      this.scrollToStart = false;
      // A lesson's graph is often wider than the panel, and the first cell sits where dagre centred
      // it, not at the left: start there rather than at an arbitrary left edge.
      const scroller = this.querySelector<HTMLElement>('.dp-graph-scroll');
      const first = this.graph?.nodes[0];
      const box = first && this.drawing?.layout.boxes.get(first.id);
      if (scroller && box) scroller.scrollLeft = box.x + box.width / 2 - scroller.clientWidth / 2;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize?.disconnect();
  }

  protected override willUpdate(): void {
    const c = this.controller;
    const notebook = c?.notebook;
    if (!notebook) return;
    const states = this.states ?? c.states;
    const edges = this.edges ?? c.edges;
    const from = [notebook, edges, states, c.exercises, this.defines];
    if (this.builtFrom.some((x, i) => x !== from[i]) || this.builtFrom.length === 0) {
      this.builtFrom = from;
      const graph = buildGraph({
        notebook,
        exercises: c.exercises,
        edges,
        states,
        ...(this.defines ? { defines: this.defines } : {}),
      });
      const exercises = new Map<string, ExerciseState>(
        c.exercises.map((e) => [e.cellId, c.exerciseState(e)]),
      );
      this.views = new Map(graph.nodes.map((n) => [n.id, nodeView(n, states, exercises)]));
      this.runLog = trackRuns(this.runLog, states, c.busy);
      this.graph = graph;
      if (this.pieces?.key !== graph.structureKey) {
        const { fresh, ...pieces } = layoutGraph(graph);
        this.pieces = pieces;
        this.drawing = undefined;
        if (fresh) this.layouts++;
      }
      // A node that left takes the highlight and the Tab stop with it.
      for (const key of ['hovered', 'focused', 'current'] as const) {
        const id = this[key];
        if (id !== undefined && !graph.byId.has(id)) this[key] = undefined;
      }
    }
    if (this.graph && this.pieces && this.drawing?.width !== this.width) {
      const layout = pack(this.graph, this.pieces.pieces, this.pieces.loose, this.width);
      this.drawing = { width: this.width, layout };
      this.scrollToStart = true;
    }
  }

  /** The node a DOM event happened on. */
  private nodeAt(event: Event): GraphNode | undefined {
    const id = (event.target as Element | null)?.closest?.('[data-node]')?.getAttribute('data-node');
    return id ? this.graph?.byId.get(id) : undefined;
  }

  private onPointerOver = (event: PointerEvent) => {
    this.hovered = this.nodeAt(event)?.id;
  };

  private onPointerLeave = () => {
    this.hovered = undefined;
  };

  private onFocusIn = (event: FocusEvent) => {
    const node = this.nodeAt(event);
    this.focused = node?.id;
    if (node) this.current = node.id;
  };

  private onFocusOut = (event: FocusEvent) => {
    const next = event.relatedTarget;
    if (!(next instanceof Element) || !next.closest('.dp-graph-nodes')) this.focused = undefined;
  };

  private onClick = (event: MouseEvent) => {
    const node = this.nodeAt(event);
    if (node) goToCell(node);
  };

  /** Arrow keys move between nodes in notebook order; Home and End go to the first and last. */
  private onKeyDown = (event: KeyboardEvent) => {
    const nodes = this.graph?.nodes ?? [];
    const node = this.nodeAt(event);
    if (!node || nodes.length === 0) return;
    const at = nodes.indexOf(node);
    const to =
      event.key === 'ArrowDown' || event.key === 'ArrowRight'
        ? Math.min(nodes.length - 1, at + 1)
        : event.key === 'ArrowUp' || event.key === 'ArrowLeft'
          ? Math.max(0, at - 1)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? nodes.length - 1
              : undefined;
    if (to === undefined) return;
    event.preventDefault();
    this.querySelector<HTMLElement>(`[data-node="${CSS.escape(nodes[to].id)}"]`)?.focus();
  };

  private renderLinks(graph: DependencyGraph, active: string | undefined, lit: ReadonlySet<string>) {
    const drawing = this.drawing!.layout;
    return svg`<defs>
        <marker id="dp-graph-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
          <path class="dp-graph-arrow" d="M0,1L9,5L0,9z"></path>
        </marker>
        <marker id="dp-graph-arrow-lit" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
          <path class="dp-graph-arrow dp-graph-arrow-lit" d="M0,1L9,5L0,9z"></path>
        </marker>
      </defs>
      ${graph.links.map((link) => {
        const shape = drawing.links.get(link.id);
        if (!shape) return nothing;
        const on = active !== undefined && (link.from === active || lit.has(link.from)) && lit.has(link.to);
        return svg`<g class="dp-graph-link" data-kind=${link.kind} data-lit=${on ? 'true' : 'false'}
            transform="translate(${shape.dx},${shape.dy})">
          <path d=${shape.d}
            marker-end="url(#${on ? 'dp-graph-arrow-lit' : 'dp-graph-arrow'})"></path>
          ${shape.label ? svg`<text x=${shape.label.x} y=${shape.label.y}>${shape.label.text}</text>` : nothing}
        </g>`;
      })}`;
  }

  private renderNode(
    graph: DependencyGraph,
    node: GraphNode,
    active: string | undefined,
    lit: ReadonlySet<string>,
  ) {
    const box = this.drawing!.layout.boxes.get(node.id);
    const view = this.views.get(node.id);
    if (!box || !view) return nothing;
    const highlight =
      active === undefined
        ? 'none'
        : node.id === active
          ? 'source'
          : lit.has(node.id)
            ? 'downstream'
            : 'faded';
    const tabStop = (this.current ?? graph.nodes[0]?.id) === node.id;
    return html`<li
      class="dp-graph-node"
      data-kind=${node.kind}
      data-label=${node.kind === 'cell' && node.code ? 'code' : nothing}
      data-status=${view.status}
      data-exercise=${view.exercise?.status ?? nothing}
      data-highlight=${highlight}
      style="left:${box.x}px;top:${box.y}px;width:${box.width}px;height:${box.height}px"
    >
      <button
        type="button"
        data-node=${node.id}
        tabindex=${tabStop ? 0 : -1}
        aria-label=${nodeName(graph, node, view)}
        title=${node.kind === 'cell' ? `Go to cell ${node.number}` : `Go to this control, in cell ${node.number}`}
      >
        <span class="dp-graph-node-label">${nodeLabel(node)}</span>
        <span class="dp-graph-node-state">${stateLine(node, view)}</span>
        ${highlight === 'downstream' ? html`<span class="dp-graph-rerun" aria-hidden="true">re-runs</span>` : nothing}
      </button>
    </li>`;
  }

  private renderReruns(graph: DependencyGraph, states: ReadonlyMap<string, CellState>) {
    const reasons = rerunReasons(graph, this.runLog, states);
    return html`<section class="dp-graph-reruns" aria-labelledby="dp-graph-reruns-title">
      <h3 id="dp-graph-reruns-title">Why cells re-ran</h3>
      ${
        reasons.length === 0
          ? html`<p class="dp-graph-hint">No cell has run yet.</p>`
          : html`<p class="dp-graph-hint">In the last run, in the order they finished:</p>
              <ol>
                ${reasons.map(
                  (r) =>
                    html`<li data-cell=${r.node.cellId}>
                      <button
                        type="button"
                        class="dp-link-button"
                        title="Go to cell ${r.node.number}"
                        @click=${() => goToCell(r.node)}
                      >
                        ${listTitle(r.node)}
                      </button>
                      <span class="dp-graph-cause">${withCode(r.cause)}</span>
                      <span class="dp-graph-ms">${formatMs(r.ms)}</span>
                    </li>`,
                )}
              </ol>`
      }
    </section>`;
  }

  override render() {
    const graph = this.graph;
    const drawing = this.drawing?.layout;
    if (!graph || !drawing) return nothing;
    if (graph.nodes.length === 0)
      return html`<p class="dp-graph-hint">This notebook has no cells to run.</p>`;
    const active = this.hovered ?? this.focused;
    const lit = new Set(active === undefined ? [] : (graph.downstream.get(active) ?? []));
    const cells = graph.nodes.filter((n) => n.kind === 'cell').length;
    const inputs = graph.nodes.length - cells;
    const states = this.states ?? this.controller.states;
    return html`
      <div class="dp-graph-head">
        <p class="dp-graph-hint">
          Arrows point to the cells that read a name. Hover over or focus a node to see what would re-run;
          Enter goes to its cell.
        </p>
        <button
          type="button"
          class="dp-button-plain"
          aria-pressed=${this.expanded ? 'true' : 'false'}
          title=${this.expanded ? 'Back to the side panel (Escape)' : 'Show the graph over the notebook'}
          @click=${() => (this.expanded = !this.expanded)}
        >
          ${this.expanded ? 'Shrink' : 'Enlarge'}
        </button>
      </div>
      <div class="dp-graph-scroll">
        <div class="dp-graph-canvas" style="width:${drawing.width}px;height:${drawing.height}px">
          <svg class="dp-graph-links" width=${drawing.width} height=${drawing.height} aria-hidden="true">
            ${this.renderLinks(graph, active, lit)}
          </svg>
          ${
            drawing.looseTop !== undefined
              ? html`<p class="dp-graph-loose" style="top:${drawing.looseTop}px" aria-hidden="true">
                  Linked to no other cell
                </p>`
              : nothing
          }
          <ul
            class="dp-graph-nodes"
            aria-label="Dataflow graph: ${cells} ${cells === 1 ? 'cell' : 'cells'}${
              inputs > 0 ? `, ${inputs} ${inputs === 1 ? 'control' : 'controls'}` : ''
            }; arrow keys move between them"
            @pointerover=${this.onPointerOver}
            @pointerleave=${this.onPointerLeave}
            @focusin=${this.onFocusIn}
            @focusout=${this.onFocusOut}
            @click=${this.onClick}
            @keydown=${this.onKeyDown}
          >
            ${repeat(
              graph.nodes,
              (n) => n.id,
              (n) => this.renderNode(graph, n, active, lit),
            )}
          </ul>
        </div>
      </div>
      <p class="dp-graph-status" role="status">
        ${active === undefined ? 'Hover over or focus a node to see what would re-run.' : rerunSummary(graph, active)}
      </p>
      ${this.renderReruns(graph, states)}
    `;
  }
}

/**
 * Scrolls to a node's cell and gives it the keyboard focus: a control's own element, else the
 * cell's code (or, when its code is folded, its Run button).
 */
function goToCell(node: GraphNode): void {
  const cell = [...document.querySelectorAll('dp-cell')].find((c) => c.cell?.id === node.cellId);
  if (!cell) return;
  cell.scrollIntoView({ block: 'center' });
  if (node.kind === 'input') {
    const input = [...cell.querySelectorAll('dp-input')].find((i) => i.key === node.key);
    const control = input?.querySelector<HTMLElement>('input, select, textarea, button');
    if (control) {
      control.focus({ preventScroll: true });
      return;
    }
  }
  cell.focusCode();
  if (!cell.contains(document.activeElement)) cell.querySelector<HTMLElement>('.dp-run')?.focus();
}

declare global {
  interface HTMLElementTagNameMap {
    'dp-graph': DpGraph;
  }
}
