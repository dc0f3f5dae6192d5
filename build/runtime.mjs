// The runtime's two browser/Node artefacts: the ES module (with types) and the standalone script.
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { BROWSER_TARGET, terserOptions, typescriptOptions, versionPlugin } from './common.mjs';

export default [
  {
    input: 'src/index.ts',
    output: { file: 'dist/edge-collector.js', format: 'es', sourcemap: true },
    plugins: [
      versionPlugin(),
      nodeResolve(),
      typescript(
        typescriptOptions({
          target: BROWSER_TARGET,
          declaration: true,
          declarationDir: 'dist/types',
          include: ['src/**/*.ts'],
          exclude: ['src/emulator/**', 'src/tags/**'],
        }),
      ),
      {
        name: 'types-entry',
        generateBundle() {
          this.emitFile({
            type: 'asset',
            fileName: 'edge-collector.d.ts',
            source: "export * from './types/index';\n",
          });
        },
      },
    ],
  },
  {
    input: 'src/browser/standalone.ts',
    output: {
      file: 'dist/edge-collector.min.js',
      format: 'iife',
      sourcemap: true,
      plugins: [terser(terserOptions)],
    },
    plugins: [versionPlugin(), nodeResolve(), typescript(typescriptOptions({ target: BROWSER_TARGET }))],
  },
];
