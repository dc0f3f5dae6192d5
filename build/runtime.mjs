// The runtime's two browser/Node artefacts: the ES module (with its types) and the standalone script.
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { dts } from 'rollup-plugin-dts';
import {
  BROWSER_SOURCEMAP,
  BROWSER_TARGET,
  coreTerserOptions,
  typescriptOptions,
  versionPlugin,
} from './common.mjs';

export default [
  {
    input: 'src/index.ts',
    output: { file: 'dist/edge-collector.js', format: 'es', sourcemap: true },
    plugins: [versionPlugin(), nodeResolve(), typescript(typescriptOptions({ target: BROWSER_TARGET }))],
  },
  // The types as one file with no relative imports, so that they resolve alike under every
  // `moduleResolution` (node16, nodenext, bundler): TypeScript's own declarations keep the source's
  // extensionless specifiers, which node16/nodenext refuse.
  {
    input: 'src/index.ts',
    output: { file: 'dist/edge-collector.d.ts', format: 'es' },
    plugins: [dts({ includeExternal: ['web-vitals'] })],
  },
  {
    input: 'src/browser/standalone.ts',
    output: {
      file: 'dist/edge-collector.min.js',
      format: 'iife',
      sourcemap: BROWSER_SOURCEMAP,
      plugins: [terser(coreTerserOptions)],
    },
    plugins: [versionPlugin(), nodeResolve(), typescript(typescriptOptions({ target: BROWSER_TARGET }))],
  },
];
