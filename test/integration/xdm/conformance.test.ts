// Every event shape the project builds, checked against Adobe's own XDM schemas (the adobe/xdm
// files vendored in test/fixtures/xdm/, converted from JSON-LD as adobe/xdm's XED tooling does).
import { beforeAll, describe, expect, it } from 'vitest';
import { LINK_CLICK_EVENT_TYPE } from '../../../src/browser/linkClicks/describeLinkClick';
import { VITALS_EVENT_TYPE } from '../../../src/browser/vitals/attachWebVitals';
import { resolveConfig } from '../../../src/core/resolveConfig';
import { createCollector } from '../../../src/core/createCollector';
import type { EnvironmentSnapshot } from '../../../src/core/EnvironmentSnapshot';
import type { InteractRequest } from '../../../src/core/InteractRequest';
import { prepareStreamRecord } from '../../../src/core/streaming/streamRecord';
import { readXdmFolder } from '../../../src/emulator/xdm/readXdmFolder.mjs';
import { createXdmValidator, type XdmValidator } from '../../../src/emulator/xdm/createXdmValidator';
import { createEdgeCollector } from '../../../src/index';
import { buildPageViewXdm } from '../../../src/tags/buildPageViewXdm';
import { inMemory } from '../../../src/core/delivery/inMemory';

const DATASTREAM = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';
// Seed 004's envelope.
const SEED_CONTENT_TYPE = 'application/vnd.adobe.xed-full-notext+json; version=1.0';
const INLET = {
  inletUrl:
    'https://dcs.adobedc.net/collection/667b41cf2dbf3509927da1ebf7e93c20afa727cc8d8373e51da18b62e1b985ec',
  flowId: 'f2ae0194-8bd8-4a40-a4d9-f07bdc3e6ce2',
  schemaRef: { id: 'https://ns.adobe.com/acme/schemas/7f682c29f887512a897791e7161b90a1ae7ed3dd07a177b1' },
  datasetId: '604a18a3bae67d18db6d258c',
};

const page: EnvironmentSnapshot = {
  now: new Date('2026-11-23T18:04:05.006Z'),
  timezoneOffset: -60,
  environment: 'browser',
  url: 'https://shop.example/thanks?email=ada@example.com&x=%2540',
  referrer: 'https://search.example/?q=shoes',
  title: 'Thanks',
  screen: { width: 1920, height: 1080 },
  viewport: { width: 1280, height: 720 },
};

let validator: XdmValidator;
beforeAll(() => {
  validator = createXdmValidator(readXdmFolder('test/fixtures/xdm'));
});

/** Checks an entity and returns what the test must see empty, with the files it was checked against. */
function conformance(entity: Record<string, unknown>, kind: 'event' | 'record') {
  const { violations, unknownFields, schemaFiles } = validator.check(entity, kind);
  return { violations, unknownFields, schemaFiles };
}

/** A browser collector whose transport records the requests it would send. */
function browserCollector() {
  const sent: InteractRequest[] = [];
  const collector = createCollector(resolveConfig({ datastreamId: DATASTREAM }), {
    ...inMemory(),
    snapshot: () => page,
    transport: async (request) => {
      sent.push(request);
      return { status: 200, body: JSON.stringify({ requestId: request.requestId, handle: [] }) };
    },
    implementation: 'standalone',
  });
  const lastXdm = () => JSON.parse(sent.at(-1)!.body).event.xdm as Record<string, unknown>;
  return { collector, lastXdm };
}

describe('XDM conformance: every event the collector builds validates against adobe/xdm', () => {
  it('a page view with a hashed e-mail', async () => {
    const { collector, lastXdm } = browserCollector();
    await collector.sendPageView({
      email: 'Ada@Example.com',
      xdm: { web: { webPageDetails: { siteSection: 'shop' } } },
    });
    const result = conformance(lastXdm(), 'event');
    expect(result.schemaFiles).toEqual([
      'components/classes/experienceevent.schema.json',
      'components/fieldgroups/experience-event/experienceevent-environment-details.schema.json',
      'components/fieldgroups/experience-event/experienceevent-implementation-details.schema.json',
      'components/fieldgroups/experience-event/experienceevent-web.schema.json',
      'components/fieldgroups/shared/identitymap.schema.json',
    ]);
    expect(result.violations).toEqual([]);
    expect(result.unknownFields).toEqual([]);
  });

  it('an event with commerce fields', async () => {
    const { collector, lastXdm } = browserCollector();
    await collector.sendEvent({
      eventType: 'commerce.purchases',
      xdm: {
        commerce: {
          purchases: { value: 1 },
          order: { purchaseID: 'o-1', currencyCode: 'EUR', priceTotal: 59.9 },
        },
        productListItems: [{ SKU: 'shoe-7', name: 'Shoe', quantity: 1, priceTotal: 59.9 }],
      },
    });
    const result = conformance(lastXdm(), 'event');
    expect(result.schemaFiles).toContain(
      'components/fieldgroups/experience-event/experienceevent-commerce.schema.json',
    );
    expect(result.violations).toEqual([]);
    expect(result.unknownFields).toEqual([]);
  });

  it('a link click, as link tracking sends it (web.webInteraction)', async () => {
    const { collector, lastXdm } = browserCollector();
    for (const type of ['other', 'exit', 'download'] as const) {
      await collector.sendEvent({
        eventType: LINK_CLICK_EVENT_TYPE,
        xdm: {
          web: {
            webInteraction: {
              name: 'Annual report',
              URL: 'https://shop.example/r.pdf',
              type,
              linkClicks: { value: 1 },
            },
          },
        },
      });
      expect(conformance(lastXdm(), 'event')).toMatchObject({ violations: [], unknownFields: [] });
    }
  });

  it('the web vitals event', async () => {
    const { collector, lastXdm } = browserCollector();
    await collector.sendEvent({
      eventType: VITALS_EVENT_TYPE,
      data: { webVitals: { lcp: { value: 1200, rating: 'good', navigationType: 'navigate' } } },
    });
    expect(conformance(lastXdm(), 'event')).toMatchObject({ violations: [], unknownFields: [] });
  });

  it('an event sent from Node', async () => {
    const bodies: string[] = [];
    const collector = createEdgeCollector({
      datastreamId: DATASTREAM,
      fetch: async (_url, init) => {
        bodies.push(String(init?.body));
        return new Response(JSON.stringify({ requestId: 'r', handle: [] }), { status: 200 });
      },
    });
    await collector.sendEvent({ eventType: 'commerce.purchases', email: 'ada@example.com' });
    const xdm = JSON.parse(bodies[0]!).event.xdm;
    expect(xdm.implementationDetails.environment).toBe('server');
    expect(conformance(xdm, 'event')).toMatchObject({ violations: [], unknownFields: [] });
  });

  it('the Tags XDM page view data element', () => {
    const { xdm } = buildPageViewXdm({ email: 'ada@example.com', name: 'Home' }, page);
    expect(conformance(xdm, 'event')).toMatchObject({ violations: [], unknownFields: [] });
  });
});

describe('XDM conformance: streamed records', () => {
  it('a profile record in the envelope of seed 004, its e-mail fields hashed into the identity map', async () => {
    const { request } = await prepareStreamRecord({
      ...INLET,
      record: {
        _id: 'http-source-connector-acme-01',
        person: { name: { firstName: 'suman', lastName: 'nolan' } },
        personalEmail: { address: 'Suman@Acme.com', primary: true, type: 'personal', status: 'active' },
        workEmail: { primary: false, address: 'suman@acme.com', type: 'work', status: 'active' },
      },
      emailFields: ['personalEmail.address', 'workEmail.address'],
    });
    const envelope = JSON.parse(request.body);
    expect(envelope.header.schemaRef.contentType).toBe(SEED_CONTENT_TYPE);
    expect(envelope.body.xdmMeta.schemaRef.contentType).toBe(SEED_CONTENT_TYPE);
    const result = conformance(envelope.body.xdmEntity, 'record');
    expect(result.schemaFiles).toEqual([
      'components/classes/profile.schema.json',
      'components/fieldgroups/profile/profile-person-details.schema.json',
      'components/fieldgroups/profile/profile-personal-details.schema.json',
      'components/fieldgroups/profile/profile-work-details.schema.json',
      'components/fieldgroups/shared/identitymap.schema.json',
    ]);
    expect(result.violations).toEqual([]);
    expect(result.unknownFields).toEqual([]);
  });

  it('an experience event record (a streamed page view)', async () => {
    const { request } = await prepareStreamRecord(
      { ...INLET, pageView: { name: 'Home' }, record: { web: { webPageDetails: { siteSection: 'home' } } } },
      { snapshot: () => page, implementation: 'standalone' },
    );
    const envelope = JSON.parse(request.body);
    expect(envelope.header.schemaRef.contentType).toBe(SEED_CONTENT_TYPE);
    expect(conformance(envelope.body.xdmEntity, 'event')).toMatchObject({
      violations: [],
      unknownFields: [],
    });
  });

  it('a page view streamed from a server', async () => {
    const { request } = await prepareStreamRecord({ ...INLET, pageView: true, record: {} });
    const entity = JSON.parse(request.body).body.xdmEntity;
    expect(conformance(entity, 'event')).toMatchObject({ violations: [], unknownFields: [] });
  });
});

describe('XDM conformance: the check itself', () => {
  it('finds what the schemas forbid, naming the rule and the file that states it', () => {
    const { violations } = validator.check(
      {
        _id: 'e-1',
        timestamp: 'yesterday',
        eventType: 'web.webpagedetails.pageViews',
        environment: { type: 'server' },
        implementationDetails: { name: 'edge-collector/node', environment: 'node' },
        identityMap: { Email_LC_SHA256: [{ id: 7 }] },
        web: { webPageDetails: { pageViews: { value: 'one' } } },
      },
      'event',
    );
    expect(violations).toEqual(
      expect.arrayContaining([
        {
          path: 'xdm.implementationDetails.name',
          rule: 'format: uri',
          schemaFile: 'components/datatypes/industry-verticals/implementationdetails.schema.json',
          message: 'must match format "uri"',
        },
        {
          path: 'xdm.environment.type',
          rule: 'enum',
          schemaFile: 'components/datatypes/environment.schema.json',
          message: 'must be equal to one of the allowed values: browser, application, iot, external, widget',
        },
        expect.objectContaining({ path: 'xdm.implementationDetails.environment', rule: 'enum' }),
        expect.objectContaining({
          path: 'xdm.timestamp',
          rule: 'format: date-time',
          schemaFile: 'components/behaviors/time-series.schema.json',
        }),
        expect.objectContaining({ path: 'xdm.identityMap.Email_LC_SHA256[0].id', rule: 'type' }),
        expect.objectContaining({ path: 'xdm.web.webPageDetails.pageViews.value', rule: 'type' }),
      ]),
    );
    expect(violations).toHaveLength(6);
  });

  it('checks a profile record against the Individual Profile class: a digest is not an address', () => {
    const { violations } = validator.check(
      { _id: 'p-1', personalEmail: { address: 'f'.repeat(64) } },
      'record',
    );
    expect(violations).toEqual([
      {
        path: 'xdm.personalEmail.address',
        rule: 'format: email',
        schemaFile: 'components/datatypes/demographic/emailaddress.schema.json',
        message: 'must match format "email"',
      },
    ]);
  });

  it('lists top-level fields that no vendored field group defines, but not tenant fields', () => {
    const { unknownFields } = validator.check(
      { _id: 'e', timestamp: '2026-01-01T00:00:00Z', mystery: 1, _acme: { x: 1 } },
      'event',
    );
    expect(unknownFields).toEqual(['mystery']);
  });
});
