// The streaming add-on of the standalone script: dist/edge-collector.streaming.min.js, loaded by
// `edgeCollector("streamRecord", …)` on its first call, so that pages that never stream never
// download it (the core script's size budget has no room for it).
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { BROWSER_TARGET, terserOptions, typescriptOptions, versionPlugin } from './common.mjs';

export default [
  {
    input: 'src/browser/streamingAddOn.ts',
    output: {
      file: 'dist/edge-collector.streaming.min.js',
      format: 'iife',
      sourcemap: true,
      plugins: [terser(terserOptions)],
    },
    plugins: [versionPlugin(), nodeResolve(), typescript(typescriptOptions({ target: BROWSER_TARGET }))],
  },
];
