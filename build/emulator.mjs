// The emulator: the Node CLI and its programmatic API (dist/emulator/), and the inspector page's
// assets (dist/emulator/public/): its script, its HTML and CSS, and the loader snippet for the demo site.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';
import { typescriptOptions, versionPlugin } from './common.mjs';

const external = (id) =>
  id.startsWith('node:') || builtinModules.includes(id) || id === 'fastify' || id.startsWith('fastify/');

/** Copies files into the output as assets, so they live next to the code that serves them. */
const copyAssets = (files) => ({
  name: 'copy-emulator-assets',
  generateBundle() {
    for (const [from, fileName] of files)
      this.emitFile({ type: 'asset', fileName, source: readFileSync(from) });
  },
});

export default [
  {
    input: { cli: 'src/emulator/cli.ts', startEmulator: 'src/emulator/startEmulator.ts' },
    output: {
      dir: 'dist/emulator',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: '[name].js',
    },
    external,
    plugins: [
      versionPlugin(),
      typescript(
        typescriptOptions({
          target: 'ES2022',
          // The emulator checks ids with the core's patterns (src/core/patterns.ts).
          include: ['src/emulator/**/*.ts', 'src/core/patterns.ts'],
          exclude: ['src/emulator/inspector/**'],
          outDir: 'dist/emulator',
        }),
      ),
      copyAssets([
        ['src/emulator/inspector/index.html', 'public/index.html'],
        ['src/emulator/inspector/inspector.css', 'public/inspector.css'],
        ['src/browser/snippet.js', 'public/snippet.js'],
      ]),
    ],
  },
  {
    input: 'src/emulator/inspector/inspector.ts',
    output: {
      file: 'dist/emulator/public/inspector.js',
      format: 'iife',
      sourcemap: false,
      plugins: [terser({ format: { comments: false } })],
    },
    plugins: [
      typescript(typescriptOptions({ target: 'ES2019', include: ['src/emulator/inspector/**/*.ts'] })),
    ],
  },
];
