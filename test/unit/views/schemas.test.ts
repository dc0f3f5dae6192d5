import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { FILLED_SETTINGS } from './filledSettings';
import { loadView, VIEW_NAMES } from './loadView';

interface Item {
  name: string;
  viewPath?: string;
  schema: Record<string, unknown>;
}
const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../../../extension.json'), 'utf8'));
const items: Array<[string, Item]> = [
  [
    'configuration',
    {
      name: 'configuration',
      viewPath: manifest.configuration.viewPath,
      schema: manifest.configuration.schema,
    },
  ],
  ...(['actions', 'dataElements', 'events', 'conditions'] as const).flatMap((type) =>
    ((manifest[type] ?? []) as Item[]).map((item): [string, Item] => [`${type}/${item.name}`, item]),
  ),
];
const ajv = new Ajv({ allErrors: true, strict: true });

describe('settings schemas', () => {
  it.each(items)('%s compiles under draft-04', (_label, item) => {
    expect(item.schema.$schema).toBe('http://json-schema.org/draft-04/schema#');
    expect(() => ajv.compile(item.schema)).not.toThrow();
  });

  it('every view in the manifest has a source view, and every source view is in the manifest', () => {
    const viewPaths = [...new Set(items.map(([, item]) => item.viewPath).filter(Boolean))].sort();
    expect(viewPaths).toEqual(VIEW_NAMES.map((name) => `${name}.html`).sort());
  });

  it('rejects settings the views never produce', () => {
    const validate = ajv.compile(manifest.configuration.schema);
    expect(validate({ productionDatastreamId: 'not a uuid' })).toBe(false);
    // Instances: at least one, each named as a JavaScript identifier.
    const instance = { productionDatastreamId: '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b' };
    expect(validate({ instances: [] })).toBe(false);
    expect(validate({ instances: [instance] })).toBe(false);
    expect(validate({ instances: [{ ...instance, name: '2nd' }] })).toBe(false);
    expect(validate({ instances: [{ ...instance, name: 'brand' }], debug: true })).toBe(false);
    expect(validate({ instances: [{ ...instance, name: 'brand' }] })).toBe(true);
    // The shape saved before instances existed still validates: a saved property must not break.
    expect(validate(instance)).toBe(true);
    expect(validate({})).toBe(false);
    expect(validate({ productionDatastreamId: '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b', extra: 1 })).toBe(
      false,
    );
  });
});

describe("every view's getSettings() for a filled form validates against its schema", () => {
  it.each(items.filter(([, item]) => item.viewPath))('%s', async (_label, item) => {
    const name = item.viewPath!.replace(/\.html$/, '');
    const { methods } = await loadView(name);
    methods.init({ settings: FILLED_SETTINGS[name]! });
    expect(methods.validate()).toBe(true);
    const settings = methods.getSettings();
    expect(settings).toEqual(FILLED_SETTINGS[name]);
    const validate = ajv.compile(item.schema);
    expect(validate(settings), JSON.stringify(validate.errors)).toBe(true);
    // A new, untouched item also gives valid settings once its required fields are filled.
    methods.init({ settings: null });
    const fresh = methods.getSettings();
    // Required fields, including those required only in some cases (XDM needs a dataset).
    validate(fresh);
    // Where the field is missing: the settings, or an instance of the configuration's list.
    const at = (settings: Record<string, unknown>, path: string) =>
      path
        .split('/')
        .slice(1)
        .reduce((holder: Record<string, any>, step) => holder?.[step], settings); // eslint-disable-line @typescript-eslint/no-explicit-any
    for (const error of validate.errors ?? [])
      if (error.keyword === 'required') {
        const key = String(error.params.missingProperty);
        const value = at(FILLED_SETTINGS[name]!, error.instancePath)?.[key];
        if (value !== undefined) at(fresh, error.instancePath)[key] = value;
      }
    expect(validate(fresh), JSON.stringify(validate.errors)).toBe(true);
  });
});
