/**
 * `<dp-inspector>`: a value from the worker as an expandable tree, like Observable's inspector.
 *
 * Primitives show in a colour per kind; objects show their one-line summary behind a disclosure
 * triangle. `<details>`/`<summary>` give keyboard and screen-reader support for free, and the
 * entries of an object are only rendered once it is opened, so a tree of thousands of nodes
 * costs no more than its summary until someone looks inside.
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { InspectEntry, InspectNode } from '../protocol.ts';
import './dp-inspector.css';

type ObjectNode = Extract<InspectNode, { type: 'object' }>;

/**
 * Shows an {@link InspectNode} tree.
 *
 * @example html`<dp-inspector .node=${inspect(value)}></dp-inspector>`
 */
@customElement('dp-inspector')
export class DpInspector extends LitElement {
  /** The tree to show, as made by the kernel's `inspect()`. */
  @property({ attribute: false }) node?: InspectNode;

  /** Whether the root object starts expanded. */
  @property({ type: Boolean }) expanded = false;

  /** Paths (`""` for the root, `"/0/key"` below) of the objects the reader has opened. */
  @state() private open = new Set<string>();

  protected override createRenderRoot() {
    return this;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new value from a re-run keeps what the reader had opened, where it still exists.
    if (changed.has('expanded') && this.expanded) this.open = new Set([...this.open, '']);
  }

  override render() {
    if (!this.node) return nothing;
    return html`<div class="dp-inspect">${this.renderNode(this.node, '')}</div>`;
  }

  private renderNode(node: InspectNode, path: string): TemplateResult {
    switch (node.type) {
      case 'primitive':
        return html`<span class="dp-inspect-${node.kind}">${node.text}</span>`;
      case 'date':
      case 'function':
      case 'error':
        return html`<span class="dp-inspect-${node.type}">${node.text}</span>`;
      case 'truncated':
        return html`<span class="dp-inspect-truncated">${node.summary}</span>`;
      case 'object':
        return this.renderObject(node, path);
    }
  }

  private renderObject(node: ObjectNode, path: string): TemplateResult {
    if (node.entries.length === 0 && node.more === 0) {
      return html`<span class="dp-inspect-object">${node.summary}</span>`;
    }
    const isOpen = this.open.has(path);
    return html`<details
      class="dp-inspect-details"
      ?open=${isOpen}
      @toggle=${(e: Event) => this.onToggle(e, path)}
    >
      <summary class="dp-inspect-summary">${node.summary}</summary>
      ${
        isOpen
          ? html`<ul class="dp-inspect-entries">
              ${node.entries.map((entry, i) => this.renderEntry(entry, `${path}/${i}`))}
              ${
                node.more > 0
                  ? html`<li class="dp-inspect-more">… ${node.more.toLocaleString('en-US')} more</li>`
                  : nothing
              }
            </ul>`
          : nothing
      }
    </details>`;
  }

  private renderEntry(entry: InspectEntry, path: string): TemplateResult {
    if (typeof entry.key === 'string') {
      return html`<li class="dp-inspect-entry">
        <span class="dp-inspect-key">${entry.key}</span
        ><span class="dp-inspect-colon">: </span>${this.renderNode(entry.value, path)}
      </li>`;
    }
    // A Map entry: the key is a value of its own, shown by its summary.
    return html`<li class="dp-inspect-entry">
      ${this.renderKey(entry.key)}<span class="dp-inspect-arrow"> => </span
      >${this.renderNode(entry.value, path)}
    </li>`;
  }

  private renderKey(key: InspectNode): TemplateResult {
    return key.type === 'object'
      ? html`<span class="dp-inspect-object">${key.summary}</span>`
      : this.renderNode(key, '');
  }

  private onToggle(event: Event, path: string): void {
    // `toggle` does not bubble, so each <details> reports only its own state.
    const details = event.currentTarget as HTMLDetailsElement;
    if (details.open === this.open.has(path)) return;
    const open = new Set(this.open);
    if (details.open) open.add(path);
    else for (const p of open) if (p === path || p.startsWith(`${path}/`)) open.delete(p);
    this.open = open;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dp-inspector': DpInspector;
  }
}
