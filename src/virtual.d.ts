/** The sidebar's notebook list, generated at build time by src/build/notebook-files-plugin.ts. */
declare module 'virtual:notebook-index' {
  const index: import('./build/notebook-files-plugin.ts').NotebookIndexEntry[];
  export default index;
}

/** The editor's compiler options and type declarations, collected at build time by src/build/editor-types-plugin.ts. */
declare module 'virtual:editor-types' {
  const types: import('./build/editor-types.ts').EditorTypes;
  export default types;
}

/** The URL of the kernel worker's script (one classic script), from src/build/kernel-sandbox-plugin.ts. */
declare module 'virtual:kernel-worker' {
  const url: string;
  export default url;
}
