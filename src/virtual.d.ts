/** The sidebar's notebook list, generated at build time by src/build/notebook-files-plugin.ts. */
declare module 'virtual:notebook-index' {
  const index: import('./build/notebook-files-plugin.ts').NotebookIndexEntry[];
  export default index;
}
