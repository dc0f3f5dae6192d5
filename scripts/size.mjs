// Prints the minified, gzip and brotli sizes of the browser scripts in dist/.
import { existsSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

/** The standalone script's budget, in gzip bytes. */
export const GZIP_BUDGET = 8 * 1024;

// Prints only when run (`npm run size`), not when a test imports the budget.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // The core script (the budget), its vitals build, and the add-ons it loads on first use.
  const files = [
    'min',
    'vitals.min',
    'consent.min',
    'streaming.min',
    'linkClicks.min',
    'tabs.min',
    'state.min',
    'messages.min',
    'sha256.min',
    'identity.min',
  ]
    .map((name) => `dist/edge-collector.${name}.js`)
    .filter((file) => existsSync(file));
  if (!files.length) {
    console.error('No built script found: run `npm run build` first.');
    process.exit(1);
  }
  for (const file of files) {
    const bytes = readFileSync(file);
    const gzip = gzipSync(bytes, { level: 9 }).length;
    const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    console.log(`${file}: ${bytes.length} B minified, ${gzip} B gzip, ${brotli} B brotli`);
  }
}
