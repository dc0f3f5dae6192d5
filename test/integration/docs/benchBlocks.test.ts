// The figures in the docs are the bench's, never typed by hand: each marked block must be exactly
// what `npm run docs:update` writes from the newest published result, with the scripts' sizes
// measured from the build (`npm test` builds first), so that they cannot go stale.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  benchBlockNames,
  benchDocFiles,
  newestPublishedResult,
  readResult,
  renderBenchDoc,
  replaceBenchBlocks,
  withBuiltSizes,
} from '../../../bench/lib/benchDocs.mjs';

const root = join(import.meta.dirname, '../../..');
const resultPath = newestPublishedResult(root);
const published = readResult(join(root, resultPath ?? 'missing'));
const result = withBuiltSizes(published, root);
const read = (file: string) => readFileSync(join(root, file), 'utf8');

describe('bench figures in the docs', () => {
  it('come from a published result', () => {
    expect(resultPath).toMatch(/^bench\/results\/\d{4}-\d{2}-\d{2}\.json$/);
  });

  it('fill the performance page: the tables (warm and cold), the sizes and how they were measured', () => {
    expect(benchBlockNames(read('docs/performance.md'))).toEqual(
      expect.arrayContaining(['run', 'table', 'cold', 'sizes']),
    );
  });

  it('hold the cold visits of the published result, first and later page, against alloy and the bare fetch', () => {
    const cold = replaceBenchBlocks('<!-- bench:cold:start -->\n<!-- bench:cold:end -->', result);
    expect(cold).toMatch(/First page of a visit/);
    expect(cold).toMatch(/A later page of the same visit/);
    expect(cold).toMatch(/main-thread time, call → answer/);
    expect(cold).toMatch(/ours ÷ alloy \| ours ÷ bare fetch/);
  });

  for (const file of benchDocFiles(root).filter((name) => benchBlockNames(read(name)).length)) {
    it(`${file} holds exactly what docs:update writes (run \`npm run docs:update\`)`, async () => {
      const text = read(file);
      expect(text).toBe(await renderBenchDoc(text, result, join(root, file)));
    });
  }

  it('would catch a figure edited by hand', async () => {
    const file = 'docs/performance.md';
    const text = read(file);
    const gzip = result.contestants[0]!.sizes!.gzip!.toLocaleString('en-US');
    const edited = text.replace(`${gzip} B`, '1 B');
    expect(edited).not.toBe(text);
    expect(await renderBenchDoc(edited, result, join(root, file))).toBe(text);
  });

  it('take the sizes from the scripts as built, not from the run', () => {
    const vitals = 'dist/edge-collector.vitals.min.js';
    const built = gzipSync(readFileSync(join(root, vitals)), { level: 9 }).length;
    expect(result.contestants.find(({ file }) => file === vitals)?.sizes?.gzip).toBe(built);
  });

  it('leaves markers quoted inside a line alone', () => {
    const prose = 'Blocks sit between `<!-- bench:table:start -->` and `<!-- bench:table:end -->`.\n';
    expect(replaceBenchBlocks(prose, result)).toBe(prose);
  });

  it('refuses a block it does not know', () => {
    expect(() => replaceBenchBlocks('<!-- bench:nope:start -->\n<!-- bench:nope:end -->', result)).toThrow(
      /unknown bench block "nope"/,
    );
  });
});
