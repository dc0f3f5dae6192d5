import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';
import { describe, expect, it } from 'vitest';
// build/common.mjs is plain JavaScript without declarations: import it untyped and say what is used.
const { terserOptions } = (await import('../../../build/common.mjs' as string)) as {
  terserOptions: Record<string, unknown>;
};

const CORE = 'dist/edge-collector.min.js';
const VITALS = 'dist/edge-collector.vitals.min.js';
const gzip = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;

/** web-vitals' five `onX` functions alone, minified as our scripts are: what "the size of web-vitals itself" means. */
async function webVitalsAlone(): Promise<string> {
  const entry =
    "import { onCLS, onFCP, onINP, onLCP, onTTFB } from 'web-vitals';\nwindow.webVitals = { onCLS, onFCP, onINP, onLCP, onTTFB };\n";
  const bundle = await rollup({
    input: 'entry',
    plugins: [
      {
        name: 'entry',
        resolveId: (id) => (id === 'entry' ? id : null),
        load: (id) => (id === 'entry' ? entry : null),
      },
      nodeResolve(),
    ],
  });
  const { output } = await bundle.generate({ format: 'iife', plugins: [terser(terserOptions)] });
  await bundle.close();
  return output[0].code;
}

describe('what Core Web Vitals cost', () => {
  it('the script without vitals carries none of web-vitals', () => {
    expect(existsSync(CORE), `${CORE} is missing: run \`npm run build\` first`).toBe(true);
    const core = readFileSync(CORE, 'utf8');
    for (const marker of ['largest-contentful-paint', 'layout-shift', 'web.performance.vitals'])
      expect(core).not.toContain(marker);
  });

  it('the vitals script adds no more gzip bytes than web-vitals itself', async () => {
    expect(existsSync(VITALS), `${VITALS} is missing: run \`npm run build\` first`).toBe(true);
    const added = gzip(readFileSync(VITALS)) - gzip(readFileSync(CORE));
    const webVitals = gzip(await webVitalsAlone());
    expect(added, `the vitals add ${added} B gzip; web-vitals alone is ${webVitals} B`).toBeLessThanOrEqual(
      webVitals,
    );
  });
});
