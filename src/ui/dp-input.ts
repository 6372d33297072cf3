/**
 * `<dp-input>`: a control described by the worker ({@link InputSpec}), drawn as a real, labelled
 * native control, reporting changes as `dp-input` events.
 *
 * The element owns what the control shows. Every change re-runs the cell, which sends a new spec
 * for the same key; if that spec simply echoed an older value back into the control, a slider
 * being dragged would jump under the pointer. So a new spec's value is taken only when it differs
 * from what the control shows and the student is neither dragging nor focused on it; its other
 * fields (options, bounds, label) always apply.
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { specValue, type InputSpec, type InputValue } from '../protocol.ts';
import './dp-input.css';

/** The detail of a `dp-input` event. */
export interface DpInputDetail {
  key: string;
  value: InputValue;
}

let instances = 0;

/**
 * A slider's number as the student reads it: with the step's decimals, or six significant digits
 * when any value goes (a free slider yields values like 0.5123456789).
 */
function formatNumber(value: InputValue, step: number | undefined): string {
  if (typeof value !== 'number' || !Number.isFinite(value) || Number.isInteger(value)) return String(value);
  if (step === undefined) return String(Number(value.toPrecision(6)));
  const decimals = String(step).split('.')[1]?.length ?? 0;
  return /e/.test(String(step)) ? String(value) : value.toFixed(decimals);
}

function sameValue(a: InputValue | undefined, b: InputValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return Object.is(a, b);
}

/**
 * A labelled control for an {@link InputSpec}: slider with its number, number field, text field,
 * toggle, select (single or multiple), radio group or checkbox group.
 *
 * @fires dp-input - `CustomEvent<DpInputDetail>`, bubbling and composed, when the student changes
 * the value: while a slider moves, when a number or text is committed (Enter or leaving the
 * field), and at once for toggles and choices.
 */
@customElement('dp-input')
export class DpInput extends LitElement {
  /** Identifies the control across re-runs; sent back in each event. */
  @property({ attribute: false }) key = '';

  /** What to draw; replaced on every run of the cell. */
  @property({ attribute: false }) spec?: InputSpec;

  /** What the control shows (and last reported). */
  @state() private value?: InputValue;

  /** Unique in the document, as light-DOM ids must be; also the radio group's name. */
  private readonly controlId = `dp-input-${++instances}`;
  /** The key and kind `value` belongs to: a different one starts afresh from its spec. */
  private shownFor = '';
  private dragging = false;

  protected override createRenderRoot() {
    return this;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const spec = this.spec;
    if (!spec) return;
    const owner = `${this.key}\u0000${spec.kind}`;
    const incoming = specValue(spec);
    if (this.value === undefined || this.shownFor !== owner) {
      this.value = incoming;
      this.shownFor = owner;
    } else if (changed.has('spec') && !sameValue(incoming, this.value) && !this.isBusy()) {
      this.value = incoming;
    }
  }

  override render() {
    const spec = this.spec;
    if (!spec || this.value === undefined) return nothing;
    return html`<div class="dp-input dp-input-is-${spec.kind}">${this.renderControl(spec, this.value)}</div>`;
  }

  private renderControl(spec: InputSpec, value: InputValue): TemplateResult {
    const disabled = spec.disabled ?? false;
    // Without a label the control still needs an accessible name.
    const name = spec.label ? undefined : spec.kind === 'toggle' ? 'Toggle' : 'Value';
    switch (spec.kind) {
      case 'range':
        return html`${this.label(spec.label)}
          <span class="dp-input-control">
            <input
              id=${this.controlId}
              class="dp-input-range"
              type="range"
              min=${spec.min}
              max=${spec.max}
              step=${spec.step ?? 'any'}
              .value=${String(value)}
              ?disabled=${disabled}
              aria-label=${ifDefined(name)}
              @pointerdown=${this.onPointerDown}
              @input=${(e: Event) => this.commit(Number((e.target as HTMLInputElement).value))}
            />
            <output class="dp-input-output" for=${this.controlId}>${formatNumber(value, spec.step)}</output>
          </span>`;
      case 'number':
        return html`${this.label(spec.label)}
          <input
            id=${this.controlId}
            class="dp-input-field"
            type="number"
            min=${ifDefined(spec.min)}
            max=${ifDefined(spec.max)}
            step=${spec.step ?? 'any'}
            placeholder=${ifDefined(spec.placeholder)}
            .value=${typeof value === 'number' && !Number.isNaN(value) ? String(value) : ''}
            ?disabled=${disabled}
            aria-label=${ifDefined(name)}
            @change=${this.onNumber}
            @keydown=${this.onEnter}
          />`;
      case 'text':
        return html`${this.label(spec.label)}
          <input
            id=${this.controlId}
            class="dp-input-field"
            type="text"
            placeholder=${ifDefined(spec.placeholder)}
            .value=${String(value)}
            ?disabled=${disabled}
            aria-label=${ifDefined(name)}
            @change=${this.onText}
            @keydown=${this.onEnter}
          />`;
      case 'toggle':
        return html`${this.label(spec.label)}
          <input
            id=${this.controlId}
            class="dp-input-toggle"
            type="checkbox"
            .checked=${value === true}
            ?disabled=${disabled}
            aria-label=${ifDefined(name)}
            @change=${(e: Event) => this.commit((e.target as HTMLInputElement).checked)}
          />`;
      case 'select':
        return html`${this.label(spec.label)}
          <select
            id=${this.controlId}
            class="dp-input-select"
            ?multiple=${spec.multiple}
            size=${ifDefined(spec.multiple ? Math.max(2, Math.min(10, spec.options.length)) : undefined)}
            ?disabled=${disabled}
            aria-label=${ifDefined(name)}
            @change=${this.onSelect}
          >
            ${spec.options.map(
              (option, i) =>
                html`<option value=${i} .selected=${Array.isArray(value) && value.includes(i)}>
                  ${option}
                </option>`,
            )}
          </select>`;
      case 'radio':
      case 'checkbox':
        return html`<fieldset class="dp-input-group" ?disabled=${disabled} aria-label=${ifDefined(name)}>
          ${spec.label ? html`<legend class="dp-input-label">${spec.label}</legend>` : nothing}
          ${spec.options.map(
            (option, i) =>
              html`<label class="dp-input-option"
                ><input
                  type=${spec.kind}
                  name=${this.controlId}
                  value=${i}
                  .checked=${Array.isArray(value) && value.includes(i)}
                  @change=${this.onChoice}
                />${option}</label
              >`,
          )}
        </fieldset>`;
    }
  }

  private label(text: string | undefined): TemplateResult | typeof nothing {
    return text ? html`<label class="dp-input-label" for=${this.controlId}>${text}</label>` : nothing;
  }

  /** The student is working the control: leave what it shows alone. */
  private isBusy(): boolean {
    const active = this.ownerDocument.activeElement;
    return this.dragging || (active !== null && this.contains(active));
  }

  private onPointerDown = (): void => {
    this.dragging = true;
    const end = () => {
      this.dragging = false;
      window.removeEventListener('pointerup', end);
      window.removeEventListener('pointercancel', end);
    };
    // On the window: the pointer is often released outside the slider.
    window.addEventListener('pointerup', end);
    window.addEventListener('pointercancel', end);
  };

  /** Enter commits a number or text at once, as leaving the field does. */
  private onEnter = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter' || this.spec === undefined) return;
    if (this.spec.kind === 'number') this.onNumber(event);
    else if (this.spec.kind === 'text') this.onText(event);
  };

  private onNumber = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const n = input.valueAsNumber;
    // Empty, unparsable, out of bounds or off the step: say so, and keep the last good value.
    const valid = input.value !== '' && !Number.isNaN(n) && input.checkValidity();
    if (valid) input.removeAttribute('aria-invalid');
    else input.setAttribute('aria-invalid', 'true');
    if (valid && !sameValue(n, this.value)) this.commit(n);
  };

  private onText = (event: Event): void => {
    const text = (event.target as HTMLInputElement).value;
    if (!sameValue(text, this.value)) this.commit(text);
  };

  private onSelect = (event: Event): void => {
    const select = event.target as HTMLSelectElement;
    this.commit(Array.from(select.selectedOptions, (option) => Number(option.value)));
  };

  private onChoice = (): void => {
    const checked = this.querySelectorAll<HTMLInputElement>('.dp-input-option input:checked');
    this.commit(Array.from(checked, (input) => Number(input.value)));
  };

  /** Shows `value` and reports it. */
  private commit(value: InputValue): void {
    this.value = value;
    this.dispatchEvent(
      new CustomEvent<DpInputDetail>('dp-input', {
        detail: { key: this.key, value },
        bubbles: true,
        composed: true,
      }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dp-input': DpInput;
  }
  interface HTMLElementEventMap {
    'dp-input': CustomEvent<DpInputDetail>;
  }
}
