/** One instance of the configuration, filled with every kind of value. */
const FILLED_INSTANCE = {
  productionDatastreamId: '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b',
  stagingDatastreamId: '%staging datastream%',
  developmentDatastreamId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee:dev',
  edgeUrl: 'https://collect.example.com',
  edgeBasePath: 'ee',
  orgId: '53A16ACB5CC1D3760A495C99@AdobeOrg',
  idMigrationEnabled: '%migrate ids%',
  debug: '%debug flag%',
  webVitals: true,
  defaultConsent: '%consent default%',
  onBeforeEventSend: 'if (content.xdm.eventType === "internal.ping") return false;',
  clickCollectionEnabled: true,
  internalLinkEnabled: false,
  externalLinkEnabled: '%track exits%',
  downloadLinkEnabled: true,
  downloadLinkQualifier: '\\.(pdf|zip)$',
  onBeforeLinkClickSend: 'if (content.xdm.web.webInteraction.type === "other") return false;',
  edgeConfigOverrides: {
    production: {
      datastreamId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
      com_adobe_analytics: { reportSuites: ['rs-global', '%country suite%'] },
      com_adobe_identity: { idSyncContainerId: 12 },
    },
    staging: '%staging overrides%',
  },
};

/** A completely filled form for each view, as saved settings, using every kind of value a field takes. */
export const FILLED_SETTINGS: Record<string, Record<string, unknown>> = {
  // Two instances: the first filled with every kind of value, the second its copy for another brand.
  configuration: {
    instances: [
      { name: 'edgeCollector', ...FILLED_INSTANCE },
      { ...FILLED_INSTANCE, name: 'brand2', productionDatastreamId: 'bbbbbbbb-bbbb-4ccc-8ddd-eeeeeeeeeeee' },
    ],
  },
  sendPageView: {
    instanceName: 'edgeCollector',
    name: 'home',
    url: 'https://shop.example/%path%',
    email: '%user email%',
    xdm: { web: { webPageDetails: { siteSection: 'shop' } } },
    data: '%page data%',
    edgeConfigOverrides: '%page overrides%',
  },
  sendEvent: {
    instanceName: 'edgeCollector',
    eventType: 'commerce.productViews',
    xdm: '%product xdm%',
    data: { sku: 'A-1' },
    email: '%user email%',
    documentUnloading: true,
    edgeConfigOverrides: {
      production: {
        com_adobe_experience_platform: { datasets: { event: { datasetId: '%dataset%' } } },
        com_adobe_target: { propertyToken: 'a1b2' },
      },
    },
  },
  setConsent: {
    instanceName: 'edgeCollector',
    value: 'standards',
    consent: [
      { standard: 'Adobe', version: '2.0', value: '%collect%', gdprApplies: 'true' },
      { standard: 'IAB TCF', version: '2.0', value: '%tc string%', gdprApplies: 'false' },
    ],
    identityMap: '%identity map%',
  },
  hashedEmail: { email: '%user email%' },
  identityMap: {
    email: '%user email%',
    identities: [
      { namespace: 'CRMID', id: '%crm id%', authenticatedState: 'authenticated', primary: true },
      { namespace: 'LOYALTY', id: 'L-1', authenticatedState: 'ambiguous' },
    ],
  },
  xdmPageView: { name: 'home', url: '%page url%', email: '%user email%', xdm: { a: 1 } },
  streamRecord: {
    instanceName: 'edgeCollector',
    inletUrl:
      'https://dcs.adobedc.net/collection/667b41cf2dbf3509927da1ebf7e93c20afa727cc8d8373e51da18b62e1b985ec',
    flowId: 'f2ae0194-8bd8-4a40-a4d9-f07bdc3e6ce2',
    dataType: 'xdm',
    schemaId: 'https://ns.adobe.com/acme/schemas/7f682c29f887512a897791e7161b90a1ae7ed3dd07a177b1',
    schemaContentType: 'application/vnd.adobe.xed-full-notext+json; version=1.0',
    datasetId: '%dataset id%',
    record: '%profile record%',
    pageView: false,
    emailFields: 'personalEmail.address, workEmail.address',
    hashEmails: '%hash flag%',
  },
  redirectWithIdentity: {
    instanceName: 'edgeCollector',
    edgeConfigOverrides: { production: { com_adobe_identity: { idSyncContainerId: 7 } } },
  },
  variable: { name: 'checkout', clearAfterSend: true },
  instance: { instanceName: 'edgeCollector' },
  updateVariable: {
    name: 'checkout',
    operation: 'set',
    path: 'commerce.order.priceTotal',
    value: '%order total%',
  },
};

/** The least a Stream record action holds before its record: where it streams, as raw data. */
export const BARE_RAW_STREAM = {
  inletUrl: 'https://dcs.adobedc.net/collection/667b41cf',
  flowId: 'f2ae0194-8bd8-4a40-a4d9-f07bdc3e6ce2',
  dataType: 'raw',
};
