// The emulator: the Node CLI (the package's `edge-collector-emulator` bin) and its programmatic API
// with its types (dist/emulator/), Adobe's XDM schemas it validates events against
// (dist/emulator/xdm-schemas.json), and the inspector page's assets (dist/emulator/public/): its
// script, its HTML and CSS, and the loader snippet for the demo site.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';
import { dts } from 'rollup-plugin-dts';
import { readXdmFolder } from '../src/emulator/xdm/readXdmFolder.mjs';
import { typescriptOptions, versionPlugin } from './common.mjs';

// The package's dependencies (fastify, ajv and ajv-formats for the XDM check) are installed, not bundled.
const DEPENDENCIES = ['fastify', 'ajv', 'ajv-formats'];
const external = (id) =>
  id.startsWith('node:') ||
  builtinModules.includes(id) ||
  DEPENDENCIES.some((name) => id === name || id.startsWith(`${name}/`));

/** Copies files into the output as assets, so they live next to the code that serves them. */
const copyAssets = (files) => ({
  name: 'copy-emulator-assets',
  generateBundle() {
    for (const [from, fileName] of files)
      this.emitFile({ type: 'asset', fileName, source: readFileSync(from) });
  },
});

/**
 * Bundles the vendored adobe/xdm files (test/fixtures/xdm/) into one JSON asset, `{commit, files}`,
 * keyed by their path in adobe/xdm: the emulator reads it from next to its own code.
 */
const xdmSchemas = (folder = 'test/fixtures/xdm') => ({
  name: 'xdm-schemas',
  generateBundle() {
    const source = JSON.stringify(readXdmFolder(folder));
    this.emitFile({ type: 'asset', fileName: 'xdm-schemas.json', source });
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
      // The CLI is the package's `edge-collector-emulator` bin, run from node_modules/.bin.
      banner: (chunk) => (chunk.isEntry && chunk.name === 'cli' ? '#!/usr/bin/env node' : ''),
    },
    external,
    plugins: [
      versionPlugin(),
      typescript(
        typescriptOptions({
          target: 'ES2022',
          // The emulator finds plain addresses by the collector's own rule (src/core/redactEmails.ts).
          include: ['src/emulator/**/*.ts', 'src/core/**/*.ts'],
          exclude: ['src/emulator/inspector/**'],
          outDir: 'dist/emulator',
        }),
      ),
      xdmSchemas(),
      copyAssets([
        ['src/emulator/inspector/index.html', 'public/index.html'],
        ['src/emulator/inspector/inspector.css', 'public/inspector.css'],
        ['src/browser/snippet.js', 'public/snippet.js'],
      ]),
    ],
  },
  // The types of `edge-collector/emulator` (startEmulator), as one file like the runtime's.
  {
    input: 'src/emulator/startEmulator.ts',
    output: { file: 'dist/emulator/startEmulator.d.ts', format: 'es' },
    external,
    plugins: [dts()],
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
      typescript(
        typescriptOptions({
          target: 'ES2019',
          // The inspector filters live events with the store's own rule.
          include: ['src/emulator/inspector/**/*.ts', 'src/emulator/storage/eventMatches.ts'],
        }),
      ),
    ],
  },
];
