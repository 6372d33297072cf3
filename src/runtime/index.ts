/**
 * The notebook runtime: cell analysis and compilation, the dataflow graph, the reactive scheduler
 * and per-cell state. It has no DOM and runs in Node and in a Web Worker.
 */
export {
  analyzeCell,
  type AnalyzedCell,
  type CellAnalysis,
  type CellAnalysisFailure,
  type ImportBinding,
} from './analyze-cell.ts';
export { analyzeScopes, type ScopeAnalysis } from './analyze-scopes.ts';
export { applyCellRewrites, type CellRewrite } from './cell-rewrites.ts';
export {
  DEFAULT_OUTPUT_CAPS,
  initialCellState,
  outputSize,
  transitionCell,
  type CellEvent,
  type CellState,
  type OutputCaps,
} from './cell-state.ts';
export { type ColumnMap } from './column-map.ts';
export {
  cellSourceUrl,
  compileCell,
  type CellResult,
  type CompileOptions,
  type CompiledCellFunction,
} from './compile-cell.ts';
export { ancestors, buildGraph, descendants, type DataflowGraph, type GraphCell } from './dataflow-graph.ts';
export { findCycles } from './find-cycles.ts';
export { mapStackPosition } from './map-stack-position.ts';
export {
  Scheduler,
  type ExecuteResult,
  type RequestOptions,
  type RunToken,
  type SchedulerOptions,
  type StatusDetail,
} from './scheduler.ts';
