import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
// scripts/size.mjs is plain JavaScript without declarations: import it untyped and say what it exports.
const { GZIP_BUDGET } = (await import('../../scripts/size.mjs' as string)) as { GZIP_BUDGET: number };

const script = new URL('../../dist/edge-collector.min.js', import.meta.url);

// The size budget is the product's promise (a few KB against alloy's ~52 KB), so the build that
// `npm test` just made must keep it; `npm run size` prints the same figures.
describe('dist/edge-collector.min.js size budget', () => {
  it('checks against the 8 KB budget that scripts/size.mjs declares', () => {
    expect(GZIP_BUDGET).toBe(8 * 1024);
  });

  it('is a real build of the standalone script', () => {
    expect(existsSync(script), 'dist/edge-collector.min.js is missing: run `npm run build` first').toBe(true);
    const text = readFileSync(script, 'utf8');
    // An empty or stub file would pass any size check; the command API's name must be in it.
    expect(text).toContain('edgeCollector');
    expect(text.length).toBeGreaterThan(1024);
  });

  it(`stays within ${GZIP_BUDGET} bytes gzip`, () => {
    const gzip = gzipSync(readFileSync(script), { level: 9 }).length;
    expect(gzip, `gzip size ${gzip} B exceeds the budget of ${GZIP_BUDGET} B`).toBeLessThanOrEqual(
      GZIP_BUDGET,
    );
  });
});
