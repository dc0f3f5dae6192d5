// `npm run docs:update [-- result.json]`: regenerates the figures in README.md, CONTRIBUTING.md and
// docs/*.md from a bench result (default: the newest published bench/results/YYYY-MM-DD.json).
import { newestPublishedResult } from './lib/benchDocs.mjs';
import { updateDocs } from './lib/updateDocs.mjs';

const resultPath = process.argv[2] ?? newestPublishedResult('.');
if (!resultPath) {
  console.error('No published result in bench/results/: run `npm run bench -- --publish` first.');
  process.exit(1);
}
const changed = await updateDocs('.', resultPath);
console.log(
  `docs from ${resultPath}: ${changed.length ? `updated ${changed.join(', ')}` : 'already up to date'}`,
);
