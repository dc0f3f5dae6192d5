// The runtime's two browser/Node artefacts: the ES module (with its types) and the standalone script.
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { dts } from 'rollup-plugin-dts';
import { BROWSER_TARGET, terserOptions, typescriptOptions, versionPlugin } from './common.mjs';

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
      sourcemap: true,
      // The delivery's own bookkeeping on a queued request (never stored, never seen by an add-on):
      // short names, since the core script's byte budget is hard.
      plugins: [
        terser({
          ...terserOptions,
          compress: { ...terserOptions.compress, passes: 3, pure_getters: true, keep_fargs: false },
          mangle: {
            properties: {
              regex:
                /^(inFlight|stored|waiting|tries|handler|done|keep|requestMeta|storeState|snapshot|timezoneOffset|viewport|pageView|implementation|online|notify|wake|flush|createConsentCommand|digest|warning)$/,
            },
          },
        }),
      ],
    },
    plugins: [versionPlugin(), nodeResolve(), typescript(typescriptOptions({ target: BROWSER_TARGET }))],
  },
];
