/**
 * Finds the nodes of a directed graph that lie on a cycle, and for each one the shortest cycle
 * through it, as a path that starts at that node (and implicitly returns to it).
 *
 * 1. Tarjan's algorithm splits the graph into strongly connected components: maximal sets of nodes
 *    that can all reach each other. A node lies on a cycle exactly when its component has two or
 *    more nodes, or it has an edge to itself.
 * 2. Within a component, a breadth-first search from each node finds the shortest way back to it.
 *
 * Nodes are visited in the order given, so the result is deterministic.
 */
export function findCycles(
  nodes: readonly string[],
  successors: (node: string) => readonly string[],
): Map<string, string[]> {
  const components = stronglyConnectedComponents(nodes, successors);
  const cycles = new Map<string, string[]>();
  for (const component of components) {
    const members = new Set(component);
    const single = component[0];
    if (component.length === 1 && !successors(single).includes(single)) continue;
    for (const start of component) cycles.set(start, shortestCycle(start, members, successors));
  }
  return cycles;
}

/** Tarjan's strongly connected components, each listed in the order of `nodes`. */
function stronglyConnectedComponents(
  nodes: readonly string[],
  successors: (node: string) => readonly string[],
): string[][] {
  const order = new Map(nodes.map((node, i) => [node, i]));
  // `index` is when the search first reached a node; `lowLink` the earliest node still on the stack
  // that it can reach. A node whose lowLink is its own index is the root of a component, which is
  // then everything above it on the stack.
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let counter = 0;

  const connect = (node: string): void => {
    index.set(node, counter);
    lowLink.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of successors(node)) {
      if (!order.has(next)) continue;
      if (!index.has(next)) {
        connect(next);
        lowLink.set(node, Math.min(lowLink.get(node) ?? 0, lowLink.get(next) ?? 0));
      } else if (onStack.has(next)) {
        lowLink.set(node, Math.min(lowLink.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (lowLink.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      components.push(component.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)));
    }
  };

  for (const node of nodes) if (!index.has(node)) connect(node);
  return components;
}

/** The shortest path from `start` back to itself within `members`, by breadth-first search. */
function shortestCycle(
  start: string,
  members: ReadonlySet<string>,
  successors: (node: string) => readonly string[],
): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i];
    for (const next of successors(node)) {
      if (!members.has(next)) continue;
      if (next === start) {
        // Walk the predecessors back from `node` to `start` to recover the path.
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0]) ?? start);
        return path;
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start];
}
