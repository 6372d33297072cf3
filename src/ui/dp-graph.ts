// Placeholder until the graph panel lands (being written now); replaced wholesale by its author.
export {};
