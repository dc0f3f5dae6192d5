// The views' settings validators, generated from the settings schemas in extension.json with
// ajv's standalone code: the views check exactly what the manifest checks, with no schema copy to
// drift and no `new Function` at run time. Used by the views build and by the unit tests.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv-draft-04';
import standaloneCode from 'ajv/dist/standalone/index.js';

const ID = 'virtual:settings-validators';
const RESOLVED = `\0${ID}`;

/**
 * Every settings schema that has a view, by the view's name (`streamRecord` for streamRecord.html),
 * plus `configurationInstance`: one instance of the configuration's `instances` list, which the
 * configuration view checks one instance at a time.
 */
export function schemasByView(manifest) {
  const items = [
    manifest.configuration,
    ...['actions', 'conditions', 'events', 'dataElements'].flatMap((type) => manifest[type] ?? []),
  ];
  const byView = Object.fromEntries(
    items.filter((item) => item?.viewPath).map((item) => [item.viewPath.replace(/\.html$/, ''), item.schema]),
  );
  const { $schema, definitions } = manifest.configuration?.schema ?? {};
  if (definitions?.instance) byView.configurationInstance = { $schema, ...definitions.instance };
  return byView;
}

/** ES module source exporting one ajv validate function per view, named after the view. */
export function settingsValidatorsSource(manifestPath = 'extension.json') {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  // `unicode: false` keeps minLength to `.length`, so the output needs no runtime require.
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    unicode: false,
    logger: false,
    code: { source: true, esm: true },
  });
  const refs = {};
  for (const [name, schema] of Object.entries(schemasByView(manifest))) {
    ajv.addSchema(schema, name);
    refs[name] = name;
  }
  const generate = standaloneCode.default ?? standaloneCode;
  const names = Object.keys(refs);
  return `${generate(ajv, refs)}\nexport default { ${names.join(', ')} };\n`;
}

/** Rollup (and Vite) plugin serving `virtual:settings-validators`. */
export function settingsValidators(manifestPath = 'extension.json') {
  return {
    name: 'settings-validators',
    resolveId: (id) => (id === ID ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      this.addWatchFile?.(resolve(manifestPath));
      return settingsValidatorsSource(manifestPath);
    },
  };
}
