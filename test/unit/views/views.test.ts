import { DEFAULT_DOWNLOAD_QUALIFIER } from '../../../src/browser/linkClicks/LinkClickOptions';
import { describe, expect, it } from 'vitest';
import { errorOf, input, loadView, type, VIEW_NAMES } from './loadView';

const XSS = '<img src=x onerror="window.__pwned = 1">';

describe('every view', () => {
  it.each(VIEW_NAMES)(
    '%s registers with the bridge and labels every field with help text',
    async (name) => {
      const { methods } = await loadView(name);
      expect(Object.keys(methods).sort()).toEqual(['getSettings', 'init', 'validate']);
      const fields = [...document.querySelectorAll<HTMLElement>('.ec-field')];
      expect(fields.length).toBeGreaterThan(0);
      for (const field of fields) {
        expect(field.querySelector('.spectrum-FieldLabel')?.textContent?.trim()).toBeTruthy();
        expect(field.querySelector('.spectrum-HelpText--neutral')?.textContent?.trim()).toBeTruthy();
      }
      // The first view loaded also loads the views' shared code: seconds on a busy machine.
    },
    30_000,
  );
});

/** The link-tracking settings of a new configuration: on, every link type, Adobe's download qualifier. */
const NEW_LINK_TRACKING = {
  clickCollectionEnabled: true,
  internalLinkEnabled: true,
  externalLinkEnabled: true,
  downloadLinkEnabled: true,
  downloadLinkQualifier: DEFAULT_DOWNLOAD_QUALIFIER,
  // Not link tracking, but on in every new configuration too, as in the Web SDK.
  idMigrationEnabled: true,
};

describe('configuration view', () => {
  it('starts empty for a new configuration, with debug off', async () => {
    const { methods } = await loadView('configuration');
    methods.init({ settings: null });
    expect(input('productionDatastreamId').value).toBe('');
    expect(methods.getSettings()).toEqual({
      instances: [
        { name: 'edgeCollector', debug: false, webVitals: true, defaultConsent: 'in', ...NEW_LINK_TRACKING },
      ],
    });
  });

  it('shows saved settings and returns them unchanged', async () => {
    const { methods } = await loadView('configuration');
    const saved = {
      productionDatastreamId: '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b',
      edgeBasePath: 'ee',
      debug: true,
      webVitals: false,
      defaultConsent: 'pending',
    };
    methods.init({ settings: saved });
    expect(input('productionDatastreamId').value).toBe(saved.productionDatastreamId);
    expect(
      document.querySelector<HTMLInputElement>('[data-field="debug"] input[type="checkbox"]')!.checked,
    ).toBe(true);
    // Saved before instances existed: one instance named edgeCollector, saved back as the list.
    // Saved before link tracking existed: it shows off, as the runtime reads it, with every link type on.
    expect(methods.getSettings()).toEqual({
      instances: [
        {
          name: 'edgeCollector',
          ...saved,
          clickCollectionEnabled: false,
          internalLinkEnabled: true,
          externalLinkEnabled: true,
          downloadLinkEnabled: true,
          // Saved before ID migration existed: the runtime reads it as on, and so does the view.
          idMigrationEnabled: true,
        },
      ],
    });
  });

  it('flags a bad datastream ID and a missing one next to the field, and clears the error once fixed', async () => {
    const { methods } = await loadView('configuration');
    methods.init({ settings: null });
    expect(methods.validate()).toBe(false);
    expect(errorOf('productionDatastreamId')).toBe('Production datastream ID is required.');
    type(input('productionDatastreamId'), 'abc');
    type(input('edgeUrl'), 'ftp://x');
    expect(methods.validate()).toBe(false);
    expect(errorOf('productionDatastreamId')).toMatch(/Enter a datastream ID/);
    expect(errorOf('edgeUrl')).toMatch(/https:\/\//);
    expect(document.querySelector('[data-field="edgeUrl"] input')!.getAttribute('aria-invalid')).toBe('true');
    type(input('productionDatastreamId'), '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b');
    type(input('edgeUrl'), 'https://collect.example.com');
    expect(methods.validate()).toBe(true);
    expect(errorOf('productionDatastreamId')).toBe('');
    expect(methods.getSettings()).toEqual({
      instances: [
        {
          name: 'edgeCollector',
          productionDatastreamId: '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b',
          edgeUrl: 'https://collect.example.com',
          debug: false,
          webVitals: true,
          defaultConsent: 'in',
          ...NEW_LINK_TRACKING,
        },
      ],
    });
  });

  it('accepts a data element anywhere and fills it from the picker', async () => {
    const { methods, openDataElementSelector } = await loadView('configuration', '%prod datastream%');
    methods.init({ settings: null });
    document.querySelector<HTMLButtonElement>('[data-field="productionDatastreamId"] .ec-picker')!.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(openDataElementSelector).toHaveBeenCalledWith({ tokenize: true });
    expect(input('productionDatastreamId').value).toBe('%prod datastream%');
    expect(methods.validate()).toBe(true);
  });
});

describe('send views', () => {
  it('Send event requires an event type and reports bad JSON next to the field', async () => {
    const { methods } = await loadView('sendEvent');
    methods.init({ settings: null });
    type(input('xdm'), '{ "web": ');
    expect(methods.validate()).toBe(false);
    expect(errorOf('eventType')).toBe('Event type is required.');
    expect(errorOf('xdm')).toMatch(/XDM object is not valid JSON/);
    type(input('eventType'), 'commerce.productViews');
    type(input('xdm'), '{ "web": { "webPageDetails": { "name": "p" } } }');
    expect(methods.validate()).toBe(true);
    expect(methods.getSettings()).toEqual({
      instanceName: 'edgeCollector',
      eventType: 'commerce.productViews',
      xdm: { web: { webPageDetails: { name: 'p' } } },
      documentUnloading: false,
    });
  });

  it('an object field takes one data element, not an array or text', async () => {
    const { methods } = await loadView('sendPageView');
    methods.init({ settings: null });
    type(input('data'), '[1, 2]');
    expect(methods.validate()).toBe(false);
    expect(errorOf('data')).toMatch(/must be a JSON object/);
    type(input('data'), '%page data%');
    expect(methods.validate()).toBe(true);
    expect(methods.getSettings()).toEqual({ instanceName: 'edgeCollector', data: '%page data%' });
  });

  it.each(['sendPageView', 'xdmPageView', 'hashedEmail'])(
    '%s shows markup in a value as text, never as HTML',
    async (name) => {
      const { methods } = await loadView(name);
      const key = name === 'hashedEmail' ? 'email' : 'name';
      methods.init({ settings: { [key]: XSS } });
      expect(input(key).value).toBe(XSS);
      expect(document.querySelector('img')).toBeNull();
      expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
      expect(methods.getSettings()[key]).toBe(XSS);
    },
  );
});

describe('Identity map view', () => {
  it('adds and removes identity rows and reports a row without a namespace', async () => {
    const { methods } = await loadView('identityMap');
    methods.init({ settings: null });
    expect(methods.getSettings()).toEqual({});
    document.querySelector<HTMLButtonElement>('.ec-add')!.click();
    const [namespace, id] = [
      ...document.querySelectorAll<HTMLInputElement>('.ec-rows-row input[type="text"]'),
    ];
    type(id!, '%crm id%');
    expect(methods.validate()).toBe(false);
    expect(errorOf('identities')).toBe('Every identity needs: Namespace.');
    type(namespace!, 'CRMID');
    expect(methods.validate()).toBe(true);
    expect(methods.getSettings()).toEqual({
      identities: [{ namespace: 'CRMID', id: '%crm id%' }],
    });
    document.querySelector<HTMLButtonElement>('.ec-remove')!.click();
    expect(methods.getSettings()).toEqual({});
  });
});

describe('datastream configuration overrides', () => {
  /** The input of one override of one environment. */
  const override = (environment: string, key: string) =>
    document.querySelector<HTMLInputElement>(
      `[data-environment="${environment}"] [data-override="${key}"] input`,
    )!;
  /** The error line beside that input ('' when none). */
  const errorBeside = (environment: string, key: string) => {
    const line = document.querySelector<HTMLElement>(
      `[data-environment="${environment}"] [data-override="${key}"] .ec-sub-error`,
    )!;
    return line.hidden ? '' : (line.textContent ?? '');
  };
  const panel = (environment: string) =>
    document.querySelector<HTMLElement>(`[data-environment="${environment}"]`)!;

  it.each(['configuration', 'sendEvent', 'sendPageView'])(
    "%s has a tab per environment, flags a wrong value beside its input, and saves Adobe's shape",
    async (name) => {
      const { methods } = await loadView(name);
      methods.init({
        settings: { productionDatastreamId: '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b', eventType: 'x' },
      });
      expect(panel('production').hidden).toBe(false);
      expect(panel('staging').hidden).toBe(true);
      type(override('production', 'datastreamId'), 'abc');
      type(override('staging', 'idSyncContainerId'), 'twelve');
      expect(methods.validate()).toBe(false);
      expect(errorBeside('production', 'datastreamId')).toMatch(/Enter a datastream ID/);
      expect(override('production', 'datastreamId').getAttribute('aria-invalid')).toBe('true');
      expect(errorBeside('staging', 'idSyncContainerId')).toMatch(/whole number/);
      // Only the wrong inputs are marked.
      expect(override('production', 'datasetId').getAttribute('aria-invalid')).toBeNull();
      expect(errorOf('edgeConfigOverrides')).toMatch(/^Production › Datastream ID: Enter a datastream ID/);
      type(override('production', 'datastreamId'), '%other%');
      expect(methods.validate()).toBe(false);
      // The first wrong value's environment comes to view.
      expect(panel('staging').hidden).toBe(false);
      expect(errorOf('edgeConfigOverrides')).toMatch(/^Staging › ID sync container/);
      type(override('staging', 'idSyncContainerId'), '12');
      type(override('staging', 'reportSuites'), 'rs-global, %country suite%');
      type(override('development', 'datasetId'), '%dataset%');
      expect(methods.validate()).toBe(true);
      const saved = methods.getSettings() as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
      const overrides = saved.edgeConfigOverrides ?? saved.instances[0].edgeConfigOverrides;
      expect(overrides).toEqual({
        production: { datastreamId: '%other%' },
        staging: {
          com_adobe_identity: { idSyncContainerId: 12 },
          com_adobe_analytics: { reportSuites: ['rs-global', '%country suite%'] },
        },
        development: { com_adobe_experience_platform: { datasets: { event: { datasetId: '%dataset%' } } } },
      });
    },
  );

  it("takes all the overrides, or one environment's, from a data element, and keeps other products' settings", async () => {
    const { methods } = await loadView('sendEvent');
    const saved = {
      eventType: 'x',
      edgeConfigOverrides: {
        production: { com_adobe_target: { propertyToken: 't-1' }, com_adobe_audiencemanager: { x: 1 } },
        staging: '%staging overrides%',
      },
    };
    methods.init({ settings: saved });
    expect(override('production', 'propertyToken').value).toBe('t-1');
    expect(methods.getSettings()).toEqual({
      instanceName: 'edgeCollector',
      documentUnloading: false,
      ...saved,
    });
    methods.init({ settings: { eventType: 'x', edgeConfigOverrides: '%all overrides%' } });
    expect(document.querySelector<HTMLElement>('.ec-environments')!.hidden).toBe(true);
    expect(methods.getSettings().edgeConfigOverrides).toBe('%all overrides%');
  });
});
