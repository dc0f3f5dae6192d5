import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './packageExtension';

/** A rule component or data element in a container: the module and its saved settings. */
export interface ComponentRef {
  modulePath: string;
  settings?: Record<string, unknown>;
  /** Actions: with rule component sequencing, wait for this action's promise (up to `timeout` ms). */
  delayNext?: boolean;
  timeout?: number;
}

/** What a test puts in its Tags property. */
export interface LibraryInput {
  /** Files of the packaged extension (zip path to content). */
  files: Map<string, Buffer>;
  settings: Record<string, unknown>;
  rules: Array<{ name: string; events: ComponentRef[]; actions: ComponentRef[] }>;
  dataElements: Record<string, ComponentRef>;
  /** Module sources of a helper extension `harness`, by library path (e.g. `fire.js`). */
  harness: Record<string, { name: string; source: string }>;
  stage?: string;
}

const WRAPPER = (source: string) => `function (module, exports, require, turbine) {\n${source}\n}`;

/**
 * Builds what the Tags servers (and the sandbox) serve: `window._satellite = { container }`
 * followed by Turbine's `dist/engine.js`, with the extension's packaged library files as modules.
 */
export function buildTagsLibrary(input: LibraryInput): string {
  const manifest = JSON.parse(input.files.get('extension.json')!.toString('utf8'));
  const named = new Map<string, { name: string; displayName: string }>();
  for (const type of ['actions', 'dataElements', 'events', 'conditions', 'sharedModules']) {
    for (const item of manifest[type] ?? [])
      named.set(item.libPath, { name: item.name, displayName: item.displayName ?? item.name });
  }
  const functions: string[] = [];
  const fn = (source: string) => `__FUNCTION_${functions.push(WRAPPER(source)) - 1}__`;
  const modules: Record<string, unknown> = {};
  for (const [path, content] of input.files) {
    if (!path.startsWith('dist/lib/')) continue;
    modules[`${manifest.name}/${path}`] = {
      ...(named.get(path) ?? {}),
      script: fn(content.toString('utf8')),
    };
  }
  const harnessModules: Record<string, unknown> = {};
  for (const [path, module] of Object.entries(input.harness)) {
    harnessModules[`harness/${path}`] = {
      name: module.name,
      displayName: module.name,
      script: fn(module.source),
    };
  }
  // Tags turns a setting declared with a `function` transform into a function in the container,
  // at `key` or, for `list[].key`, in every item of the list.
  const settings: Record<string, unknown> = structuredClone(input.settings);
  for (const transform of manifest.configuration?.transforms ?? []) {
    if (transform.type !== 'function') continue;
    const [list, key] = /^(\w+)\[\]\.(\w+)$/.exec(transform.propertyPath)?.slice(1) ?? [];
    const holders = list
      ? ((Array.isArray(settings[list]) ? settings[list] : []) as Array<Record<string, unknown>>)
      : [settings];
    const property = key ?? transform.propertyPath;
    for (const holder of holders) {
      const code = holder[property];
      if (typeof code !== 'string') continue;
      functions.push(`function (${(transform.parameters ?? []).join(', ')}) {\n${code}\n}`);
      holder[property] = `__FUNCTION_${functions.length - 1}__`;
    }
  }
  const container = {
    rules: input.rules.map((rule, index) => ({
      id: `RL${index}`,
      name: rule.name,
      events: rule.events.map((event) => ({ ...event, settings: event.settings ?? {}, ruleOrder: 50 })),
      conditions: [],
      actions: rule.actions.map((action) => ({ ...action, settings: action.settings ?? {} })),
    })),
    dataElements: input.dataElements,
    extensions: {
      [manifest.name]: { displayName: manifest.displayName, settings, modules },
      harness: { displayName: 'Test harness', settings: {}, modules: harnessModules },
    },
    company: { orgId: 'TEST@AdobeOrg' },
    property: {
      name: 'Test property',
      settings: {
        id: 'PR1',
        domains: ['127.0.0.1'],
        undefinedVarsReturnEmpty: false,
        ruleComponentSequencingEnabled: true,
      },
    },
    buildInfo: {
      turbineVersion: '28.1.0',
      turbineBuildDate: '2024-01-01T00:00:00Z',
      buildDate: '2024-01-01T00:00:00Z',
      minified: false,
    },
    environment: { id: 'EN1', stage: input.stage ?? 'production' },
  };
  const containerText = JSON.stringify(container, null, 1).replace(
    /"__FUNCTION_(\d+)__"/g,
    (_, index: string) => functions[Number(index)]!,
  );
  const engine = readFileSync(join(ROOT, 'node_modules/@adobe/reactor-turbine/dist/engine.js'), 'utf8');
  return `window._satellite = { container: ${containerText} };\n${engine}`;
}
