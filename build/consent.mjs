// The consent standards add-on of the standalone script: dist/edge-collector.consent.min.js, loaded
// by `edgeCollector("setConsent", …)` on the first decision to post (see src/browser/loadConsentCommand.ts), so
// that pages that never set consent (or only `pending`, or the decision already posted) never download it.
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { BROWSER_TARGET, terserOptions, typescriptOptions, versionPlugin } from './common.mjs';

export default [
  {
    input: 'src/browser/consentAddOn.ts',
    output: {
      file: 'dist/edge-collector.consent.min.js',
      format: 'iife',
      sourcemap: true,
      plugins: [terser(terserOptions)],
    },
    plugins: [versionPlugin(), nodeResolve(), typescript(typescriptOptions({ target: BROWSER_TARGET }))],
  },
];
