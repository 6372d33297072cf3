/**
 * `<dp-trust-bar>`: above a notebook from outside the app, says where it came from and, until the
 * student agrees, that its code has not run, with the one button that runs it ("Run this
 * notebook"). When the notebook asks for network access (`network:` in its front matter) the bar
 * names the hosts, and agreeing covers them. Once agreed, a single line says what the code can
 * reach. Nothing is shown for the app's own notebooks.
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { NotebookTrust } from './notebook-trust.ts';
import './dp-trust-bar.css';

@customElement('dp-trust-bar')
export class DpTrustBar extends LitElement {
  /** The open notebook's trust (see `notebook-trust.ts`). */
  @property({ attribute: false }) trust?: NotebookTrust;
  /** Runs asked for before the student agreed; when it grows, the button takes the focus. */
  @property({ type: Number }) refused = 0;

  protected override createRenderRoot() {
    return this;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('refused') && this.refused > 0) {
      this.querySelector<HTMLButtonElement>('.dp-trust-run')?.focus();
    }
  }

  private agree() {
    this.dispatchEvent(new CustomEvent('dp-run-outside', { bubbles: true }));
  }

  override render() {
    const trust = this.trust;
    if (!trust || trust.state === 'bundled') return nothing;
    const from = trust.via === 'share-link' ? 'a share link' : html`the file <strong>${trust.name}</strong>`;
    const hosts = trust.hosts.map((h) => h.label);
    const network =
      hosts.length === 0
        ? html`it cannot reach the internet`
        : html`it can connect only to
          ${hosts.map((host, i) => html`${i > 0 ? ', ' : ''}<code class="dp-trust-host">${host}</code>`)}`;
    if (trust.state === 'agreed') {
      return html`<p class="dp-trust-bar dp-trust-agreed" role="note">
        This notebook came from ${from}. Its code runs walled off from your saved work and this page;
        ${network}.
      </p>`;
    }
    return html`<section
      class="dp-trust-bar dp-trust-asking ${this.refused > 0 ? 'dp-trust-nudge' : ''}"
      role="region"
      aria-label="Notebook from outside this app"
    >
      <p>
        <strong>This notebook came from ${from}</strong>, not from this app’s lessons.
        <strong>Its code has not run.</strong> Read it first, and run it only if you trust whoever made it.
        Its code will run walled off from your saved work and this page, and ${network}.
      </p>
      <button class="dp-trust-run" @click=${this.agree}>Run this notebook</button>
      ${
        this.refused > 0
          ? html`<span class="dp-trust-why" role="status"
              >Cells run once you choose “Run this notebook”.</span
            >`
          : nothing
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dp-trust-bar': DpTrustBar;
  }
}
