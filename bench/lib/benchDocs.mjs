// Writes the benchmark's figures into the docs: every block between
// `<!-- bench:<name>:start -->` and `<!-- bench:<name>:end -->` is regenerated from one result JSON,
// so the docs never carry a figure typed by hand. `test/integration/docs/benchBlocks.test.ts` fails
// when a block differs from what these functions write from the newest published result.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { formatTable } from './formatTable.mjs';
import { measureSizes } from './measureSizes.mjs';

/** Where published results live: one `YYYY-MM-DD.json` per published run, committed. */
export const RESULTS_DIR = 'bench/results';

const PUBLISHED_NAME = /^\d{4}-\d{2}-\d{2}\.json$/;
// Markers stand on lines of their own, so a marker quoted in prose or code is left alone.
const BLOCK = /^(<!-- bench:([\w-]+):start -->)$[\s\S]*?^(<!-- bench:\2:end -->)$/gm;

const bytes = (value) => (Number.isFinite(value) ? `${value.toLocaleString('en-US')} B` : '—');

/** The scripts' sizes, one row per contestant that has them. */
function formatSizes(result) {
  const lines = [
    '| script | file | minified | gzip -9 | brotli -q 11 |',
    '| --- | --- | ---: | ---: | ---: |',
  ];
  for (const { label, file, sizes } of result.contestants) {
    if (!sizes) continue;
    lines.push(
      `| ${label} | ${file ? `\`${file}\`` : '—'} | ${bytes(sizes.minified)} | ${bytes(sizes.gzip)} | ${bytes(sizes.brotli)} |`,
    );
  }
  return lines.join('\n');
}

/** One sentence saying when, where and how the figures were measured. */
function describeRun(result) {
  const { machine = {}, settings, source } = result;
  const commit = source?.commit
    ? ` at commit \`${source.commit}\`${source.uncommittedChanges ? ' (with uncommitted changes)' : ''}`
    : '';
  const options = Object.entries(settings ?? {})
    .map(([name, value]) => `${name} ${typeof value === 'object' ? JSON.stringify(value) : value}`)
    .join(', ');
  return (
    `Measured on ${result.date.slice(0, 10)} with \`${result.command}\`${commit} (${options}): ` +
    `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}, ` +
    `Chromium ${machine.chromium}; the bench took ${result.durationSeconds} s.`
  );
}

/** Every block a doc may hold, by the name in its markers. */
export const BLOCK_RENDERERS = {
  table: (result) => formatTable(result),
  cold: (result) => formatTable(result, 'cold'),
  sizes: formatSizes,
  run: describeRun,
};

/** Replaces every marked block of `text` with what its renderer writes from `result`. */
export function replaceBenchBlocks(text, result) {
  return text.replace(BLOCK, (_, start, name, end) => {
    const render = BLOCK_RENDERERS[name];
    if (!render)
      throw new Error(`unknown bench block "${name}"; known: ${Object.keys(BLOCK_RENDERERS).join(', ')}`);
    return `${start}\n\n${render(result)}\n\n${end}`;
  });
}

/** The names of the marked blocks in `text`, in order. */
export function benchBlockNames(text) {
  return [...text.matchAll(BLOCK)].map((match) => match[2]);
}

/**
 * The doc as `npm run docs:update` writes it: blocks regenerated, then formatted by Prettier with the
 * project's config (which aligns the tables), so `prettier --check` and the docs test both pass.
 */
export async function renderBenchDoc(text, result, filepath) {
  const options = (await prettier.resolveConfig(filepath)) ?? {};
  return prettier.format(replaceBenchBlocks(text, result), { ...options, filepath });
}

/** The Markdown files that may hold blocks: README.md, CONTRIBUTING.md and docs/*.md. */
export function benchDocFiles(root) {
  const docs = readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => join('docs', name));
  return ['README.md', 'CONTRIBUTING.md', ...docs];
}

/** The newest published result's path (`bench/results/YYYY-MM-DD.json`), or undefined. */
export function newestPublishedResult(root) {
  const names = readdirSync(join(root, RESULTS_DIR))
    .filter((name) => PUBLISHED_NAME.test(name))
    .sort();
  return names.length ? join(RESULTS_DIR, names[names.length - 1]) : undefined;
}

// The table's size rows (bench/run.mjs), by label: which measure of `measureSizes` each shows.
const SIZE_ROWS = { minified: 'minified', 'gzip -9': 'gzip', 'brotli -q 11': 'brotli' };

/**
 * The result with each script's sizes, in the sizes block and the table's size rows (with their
 * ratios to alloy), measured again from the files as built now. Sizes are a fact of the build, not
 * of the run: taken from a run, they went stale with the first change to a script after it was
 * published (the vitals build after 2026-12-01), and nothing noticed.
 */
export function withBuiltSizes(result, root) {
  const contestants = result.contestants.map((contestant) => {
    if (!contestant.sizes || !contestant.file) return contestant;
    const path = join(root, contestant.file);
    if (!existsSync(path)) throw new Error(`${contestant.file} is missing: run \`npm run build\` first`);
    return { ...contestant, sizes: measureSizes(readFileSync(path)) };
  });
  const sizes = Object.fromEntries(contestants.map(({ id, sizes }) => [id, sizes]));
  const alloy = contestants.find(({ role }) => role === 'alloy')?.id;
  const rows = (result.rows ?? []).map((row) => {
    const measure = row.group === 'Script size' ? SIZE_ROWS[row.label] : undefined;
    if (!measure) return row;
    const value = (id) => sizes[id]?.[measure];
    const figures = Object.fromEntries(Object.keys(row.figures).map((id) => [id, { value: value(id) }]));
    const ratios = Object.fromEntries(
      Object.entries(row.ratios ?? {}).map(([id, ratio]) => [
        id,
        { ...ratio, alloy: value(id) / value(alloy) },
      ]),
    );
    return { ...row, figures, ratios };
  });
  return { ...result, contestants, rows };
}

/** Reads a result JSON. */
export function readResult(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}
