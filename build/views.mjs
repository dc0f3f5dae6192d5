// The Tags configuration views: one HTML page (from one template) and one ES module per view under
// dist/views/, the views' shared code in one chunk, and Spectrum CSS copied from the installed
// @spectrum-css packages.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { typescriptOptions } from './common.mjs';
import { settingsValidators } from './settingsValidators.mjs';

const VIEWS = 'views';
const require = createRequire(import.meta.url);

/** Every `views/<name>.ts` is a view; its page, `<name>.html`, is made from `views/shared/view.html`. */
const names = readdirSync(VIEWS)
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.replace(/\.ts$/, ''));

/** A view's page title: the display name the manifest gives the item that opens it. */
function titleOf(name) {
  const manifest = JSON.parse(readFileSync('extension.json', 'utf8'));
  if (manifest.configuration.viewPath === `${name}.html`) return 'Configuration';
  const items = ['actions', 'conditions', 'dataElements', 'events'].flatMap((kind) => manifest[kind] ?? []);
  const item = items.find((candidate) => candidate.viewPath === `${name}.html`);
  if (!item)
    throw new Error(
      `views/${name}.ts is not the view of any item in extension.json (viewPath "${name}.html")`,
    );
  return item.displayName;
}

/** The page of a view: the template with its title and script. */
const pageOf = (name, template) => template.replace('{{title}}', titleOf(name)).replace('{{name}}', name);

/** Spectrum's tokens (light theme, medium scale) and the components the views use, in cascade order. */
const SPECTRUM_FILES = [
  '@spectrum-css/tokens/dist/css/global-vars.css',
  '@spectrum-css/tokens/dist/css/light-vars.css',
  '@spectrum-css/tokens/dist/css/medium-vars.css',
  '@spectrum-css/typography/dist/index.min.css',
  '@spectrum-css/fieldlabel/dist/index.min.css',
  '@spectrum-css/helptext/dist/index.min.css',
  '@spectrum-css/textfield/dist/index.min.css',
  '@spectrum-css/checkbox/dist/index.min.css',
  '@spectrum-css/button/dist/index.min.css',
];

/** Emits the pages and the stylesheets next to the scripts. */
function viewAssets() {
  return {
    name: 'view-assets',
    buildStart() {
      this.addWatchFile(`${VIEWS}/shared/view.html`);
      this.addWatchFile('extension.json');
    },
    generateBundle() {
      const emit = (fileName, source) => this.emitFile({ type: 'asset', fileName, source });
      const template = readFileSync(`${VIEWS}/shared/view.html`, 'utf8');
      for (const name of names) emit(`${name}.html`, pageOf(name, template));
      emit('view.css', readFileSync(`${VIEWS}/shared/view.css`, 'utf8'));
      const spectrum = SPECTRUM_FILES.map(
        (file) => `/* ${file} */\n${readFileSync(require.resolve(file), 'utf8')}`,
      ).join('\n');
      emit('spectrum.css', spectrum);
    },
  };
}

export default [
  {
    input: Object.fromEntries(names.map((name) => [name, `${VIEWS}/${name}.ts`])),
    output: {
      dir: 'dist/views',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: '[name].js',
      manualChunks: (id) =>
        id.includes(`/${VIEWS}/shared/`) || id.includes('settings-validators') ? 'shared' : undefined,
      sourcemap: false,
      // The settings validators generated from the manifest are most of the views' code.
      plugins: [terser({ format: { comments: false } })],
    },
    plugins: [
      settingsValidators(),
      nodeResolve(),
      // The views share rules with the core (`src/core/patterns.ts`, consent values): compile it with them.
      typescript(
        typescriptOptions({
          target: 'ES2019',
          include: [
            'views/**/*.ts',
            'src/core/**/*.ts',
            'src/tags/readConsentSettings.ts',
            'src/tags/readConfigOverrides.ts',
            'src/tags/TagsExtensionSettings.ts',
            'src/tags/describeError.ts',
            'src/tags/idMigration.ts',
            'src/tags/readInstances.ts',
            'src/browser/linkClicks/LinkClickOptions.ts',
          ],
        }),
      ),
      viewAssets(),
    ],
  },
];
