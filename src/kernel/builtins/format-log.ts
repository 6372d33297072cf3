/**
 * Formats `console.log` arguments as one line of text, roughly as browsers do: strings as they
 * are, other values in a compact form (the inspector's one-line summary).
 */
import { inspect } from '../display/inspect.ts';
import type { InspectNode } from '../../protocol.ts';

function summary(node: InspectNode): string {
  switch (node.type) {
    case 'object':
    case 'truncated':
      return node.summary;
    default:
      return node.text;
  }
}

/** `console.log('a', 1, [2])` → `a 1 Array(1) [2]`. */
export function formatLog(args: readonly unknown[]): string {
  return args.map((arg) => (typeof arg === 'string' ? arg : summary(inspect(arg)))).join(' ');
}
