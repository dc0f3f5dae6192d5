// The Tags extension's library modules: one CommonJS file per module under dist/lib/, all sharing
// one relative-required chunk (dist/lib/core.js) so a property ships the core once.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { typescriptOptions, versionPlugin } from './common.mjs';
import { downlevelWebVitals } from './vitals.mjs';

const ENTRIES = 'src/tags/entries';

/** Every file under src/tags/entries is a module of extension.json: `actions/sendPageView.ts` becomes `dist/lib/actions/sendPageView.js`. */
const input = Object.fromEntries(
  readdirSync(ENTRIES, { recursive: true })
    .filter((file) => String(file).endsWith('.ts'))
    .map((file) => [
      relative(ENTRIES, join(ENTRIES, String(file))).replace(/\.ts$/, ''),
      join(ENTRIES, String(file)),
    ]),
);

export default [
  {
    input,
    output: {
      dir: 'dist/lib',
      format: 'cjs',
      exports: 'auto',
      entryFileNames: '[name].js',
      chunkFileNames: '[name].js',
      // Everything but the entries goes into one chunk: entries stay two lines, the core ships once.
      manualChunks: (id) => (Object.values(input).some((entry) => id.endsWith(entry)) ? undefined : 'core'),
      generatedCode: 'es2015',
      sourcemap: false,
    },
    plugins: [
      versionPlugin(),
      nodeResolve(),
      downlevelWebVitals('ES2017'),
      // ES2017: Tags minifies extension code with a minifier of its own; stay conservative.
      typescript(
        typescriptOptions({
          target: 'ES2017',
          include: ['src/core/**/*.ts', 'src/browser/**/*.ts', 'src/tags/**/*.ts'],
        }),
      ),
    ],
  },
];
