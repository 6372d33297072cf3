import { html, type TemplateResult } from 'lit';

/** Messages mark names with backticks, as Markdown does; show those parts as code. */
export function withCode(text: string): (string | TemplateResult)[] {
  return text
    .split(/(`[^`]+`)/)
    .map((part) =>
      part.length > 2 && part.startsWith('`') && part.endsWith('`')
        ? html`<code>${part.slice(1, -1)}</code>`
        : part,
    );
}
