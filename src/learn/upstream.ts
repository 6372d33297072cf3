/** The dataflow graph's edges as the kernel reports them: cell `to` reads `names` from cell `from`. */
export interface GraphEdge {
  from: string;
  to: string;
  names: readonly string[];
}

/** Every cell `id` reads from, directly or through other cells (not `id` itself). */
export function upstreamOf(edges: readonly GraphEdge[], id: string): string[] {
  return reachable(edges, id, (e) => [e.to, e.from]);
}

/** Every cell that reads from `id`, directly or through other cells (not `id` itself): what re-runs when it changes. */
export function downstreamOf(edges: readonly GraphEdge[], id: string): string[] {
  return reachable(edges, id, (e) => [e.from, e.to]);
}

function reachable(
  edges: readonly GraphEdge[],
  id: string,
  step: (e: GraphEdge) => [string, string],
): string[] {
  const next = new Map<string, string[]>();
  for (const edge of edges) {
    const [a, b] = step(edge);
    next.set(a, [...(next.get(a) ?? []), b]);
  }
  const found = new Set<string>();
  const queue = [id];
  for (let i = 0; i < queue.length; i++) {
    for (const other of next.get(queue[i]) ?? []) {
      if (other === id || found.has(other)) continue;
      found.add(other);
      queue.push(other);
    }
  }
  return [...found];
}
