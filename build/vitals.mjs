// The standalone script with Core Web Vitals: dist/edge-collector.vitals.min.js (core + web-vitals).
// A separate file rather than a lazy add-on: see the README, Core Web Vitals, "Packaging".
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import {
  BROWSER_SOURCEMAP,
  BROWSER_TARGET,
  coreTerserOptions,
  typescriptOptions,
  versionPlugin,
} from './common.mjs';

export default [
  {
    input: 'src/browser/vitals/standalone.ts',
    output: {
      file: 'dist/edge-collector.vitals.min.js',
      format: 'iife',
      sourcemap: BROWSER_SOURCEMAP,
      plugins: [terser(coreTerserOptions)],
    },
    plugins: [versionPlugin(), nodeResolve(), typescript(typescriptOptions({ target: BROWSER_TARGET }))],
  },
];

/**
 * Compiles web-vitals (published as ES2020+) down to `target` for faces that need an older
 * language level: the Tags library is held to ES2017, and TypeScript's plugin leaves node_modules alone.
 */
export function downlevelWebVitals(target) {
  return {
    name: 'downlevel-web-vitals',
    async transform(code, id) {
      if (!/[\\/]node_modules[\\/]web-vitals[\\/]/.test(id)) return null;
      const { default: ts } = await import('typescript');
      const output = ts.transpileModule(code, {
        compilerOptions: { target: ts.ScriptTarget[target], module: ts.ModuleKind.ESNext, sourceMap: true },
        fileName: id,
      });
      return {
        code: output.outputText.replace(/\/\/# sourceMappingURL=.*$/m, ''),
        map: output.sourceMapText,
      };
    },
  };
}
