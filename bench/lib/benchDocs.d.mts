/** A bench result as `bench/run.mjs` writes it (only what the docs read is typed). */
export interface BenchResult {
  date: string;
  contestants: { id: string; label: string; file: string; sizes?: Record<string, number> }[];
  [key: string]: unknown;
}
/** Where published results live. */
export declare const RESULTS_DIR: string;
/** Every block a doc may hold, by the name in its markers. */
export declare const BLOCK_RENDERERS: Record<string, (result: BenchResult) => string>;
/** Replaces every marked block of `text` with what its renderer writes from `result`. */
export declare function replaceBenchBlocks(text: string, result: BenchResult): string;
/** The names of the marked blocks in `text`, in order. */
export declare function benchBlockNames(text: string): string[];
/** The doc with its blocks regenerated, formatted by Prettier. */
export declare function renderBenchDoc(text: string, result: BenchResult, filepath: string): Promise<string>;
/** The Markdown files that may hold blocks. */
export declare function benchDocFiles(root: string): string[];
/** The newest published result's path, or undefined. */
export declare function newestPublishedResult(root: string): string | undefined;
/** The result with each script's sizes measured from the file as built now under `root`. */
export declare function withBuiltSizes(result: BenchResult, root: string): BenchResult;
/** Reads a result JSON. */
export declare function readResult(path: string): BenchResult;
