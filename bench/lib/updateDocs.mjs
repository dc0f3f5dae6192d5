// Rewrites the docs' bench blocks from one result: shared by `npm run docs:update` and
// `npm run bench -- --update-docs`.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  RESULTS_DIR,
  benchBlockNames,
  benchDocFiles,
  readResult,
  renderBenchDoc,
  withBuiltSizes,
} from './benchDocs.mjs';

/**
 * Regenerates every marked block under `root` from the result at `resultPath` (the sizes from the
 * scripts as built now); returns the files changed.
 */
export async function updateDocs(root, resultPath) {
  const result = withBuiltSizes(readResult(resultPath), root);
  const changed = [];
  for (const file of benchDocFiles(root)) {
    const path = join(root, file);
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'utf8');
    if (!benchBlockNames(text).length) continue;
    const updated = await renderBenchDoc(text, result, path);
    if (updated !== text) {
      writeFileSync(path, updated);
      changed.push(file);
    }
  }
  return changed;
}

/** Copies a result to its published name, `bench/results/<today, UTC>.json`; returns that path. */
export function publishResult(root, resultPath, today = new Date()) {
  const published = join(RESULTS_DIR, `${today.toISOString().slice(0, 10)}.json`);
  const from = resolve(root, resultPath);
  if (from !== resolve(root, published)) copyFileSync(from, resolve(root, published));
  return published;
}
