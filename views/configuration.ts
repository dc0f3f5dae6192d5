import { registerInstancesView } from './shared/registerInstancesView';
import { basePath, datastreamId, httpUrl, orgId, regularExpression } from './shared/validators';
import { DEFAULT_DOWNLOAD_QUALIFIER } from '../src/browser/linkClicks/LinkClickOptions';
import type { CheckboxSpec } from './shared/FieldSpec';

/** One of the link-type switches: on unless turned off (as the runtime reads a missing one). */
const linkSwitch = (name: string, label: string, text: string, help: string): CheckboxSpec => ({
  kind: 'checkbox',
  name,
  label,
  text,
  help,
  whenMissing: true,
});
import { CONSENT_OPTIONS } from './shared/consentOptions';
import { checkOverrides, overridesField } from './shared/overridesField';

const DATASTREAM_HELP = 'Data Collection > Datastreams in Experience Platform shows the ID.';

/** The extension configuration view: one or more named instances, each with these settings. */
export const view = registerInstancesView({
  title: 'Edge Collector configuration',
  intro:
    'Where page views and events go. Each instance has its own collector (add one to send to another datastream or organization); actions, data elements and events pick one. Every field but the name also accepts a data element.',
  fields: [
    {
      kind: 'text',
      name: 'productionDatastreamId',
      label: 'Production datastream ID',
      required: true,
      validate: datastreamId,
      placeholder: '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b',
      help: `Used by libraries built for the production environment. ${DATASTREAM_HELP}`,
    },
    {
      kind: 'text',
      name: 'stagingDatastreamId',
      label: 'Staging datastream ID',
      validate: datastreamId,
      help: 'Used by staging libraries. Leave empty to use the production datastream.',
    },
    {
      kind: 'text',
      name: 'developmentDatastreamId',
      label: 'Development datastream ID',
      validate: datastreamId,
      help: 'Used by development libraries. Leave empty to use the production datastream.',
    },
    {
      kind: 'text',
      name: 'orgId',
      label: 'IMS organization ID',
      validate: orgId,
      placeholder: '53A16ACB5CC1D3760A495C99@AdobeOrg',
      help: 'Your organization in Experience Cloud. The Edge Network names its cookies after it (kndctr_…); ID migration needs it to find the AMCV_ cookie of AppMeasurement and the Visitor API.',
    },
    {
      kind: 'checkbox',
      name: 'idMigrationEnabled',
      label: 'ID migration',
      text: 'Keep the visitors of AppMeasurement and the Visitor API',
      help: 'While the Edge Network has not yet given this visitor its own identity, sends the ECID of the AMCV_ cookie (or s_ecid) as identityMap.ECID, so a site moving from AppMeasurement keeps its visitors. Needs the organization ID. Checked unless turned off, as in the Web SDK.',
      whenMissing: true,
    },
    overridesField(
      'Sent with every event of this property (a Send event or Send page view override wins, product by product).',
    ),
    {
      kind: 'text',
      name: 'edgeUrl',
      label: 'Edge URL',
      validate: httpUrl,
      placeholder: 'https://edge.adobedc.net',
      help: 'Leave empty for https://edge.adobedc.net, or enter your first-party collection domain (CNAME).',
    },
    {
      kind: 'text',
      name: 'edgeBasePath',
      label: 'Edge base path',
      validate: basePath,
      placeholder: 'ee',
      help: 'The path before /v2/interact. Leave empty for ee.',
    },
    {
      kind: 'choice',
      name: 'defaultConsent',
      label: 'Default consent',
      help: 'Consent until the visitor decides (Set consent). In: send events. Pending: keep them in the queue until consent is in. Out: send nothing. A decision the visitor made wins on later pages. A data element must return in, out or pending; without a value yet it counts as pending.',
      options: CONSENT_OPTIONS,
    },
    {
      kind: 'checkbox',
      name: 'debug',
      label: 'Debug',
      text: 'Log every request and answer',
      help: 'Writes requests and answers (identities hashed) to the Tags log, which shows in the browser console when Tags debugging is on.',
    },
    {
      kind: 'checkbox',
      name: 'webVitals',
      label: 'Web vitals',
      text: 'Measure Core Web Vitals',
      help: 'Sends LCP, CLS, INP, FCP and TTFB as one web.performance.vitals event per page (under data.webVitals) when the page is hidden, and feeds the Web vitals data element and the Web vital reported event.',
    },
    {
      kind: 'checkbox',
      name: 'clickCollectionEnabled',
      label: 'Link tracking',
      text: 'Send an event for each link click',
      help: "Automatic link tracking, as the Web SDK's click collection: each click on a link sends a web.webinteraction.linkClicks event with web.webInteraction (name, URL, type). Checked for new configurations.",
    },
    linkSwitch(
      'internalLinkEnabled',
      'Internal links',
      'Track links within this site',
      'Sent with type "other".',
    ),
    linkSwitch(
      'externalLinkEnabled',
      'External links',
      'Track links to other sites',
      'Sent with type "exit". A mailto: link goes without its address.',
    ),
    linkSwitch(
      'downloadLinkEnabled',
      'Download links',
      'Track download links',
      'Sent with type "download": links with a download attribute, or whose URL matches the qualifier.',
    ),
    {
      kind: 'text',
      name: 'downloadLinkQualifier',
      label: 'Download link qualifier',
      validate: regularExpression,
      placeholder: DEFAULT_DOWNLOAD_QUALIFIER,
      help: "A regular expression (case-insensitive) tested on the link URL without its query. Leave empty for the Web SDK's default.",
    },
    {
      kind: 'code',
      name: 'onBeforeLinkClickSend',
      label: 'On before link click send',
      placeholder:
        'if (content.xdm.web.webInteraction.type === "other") return false;\ncontent.xdm.web.webInteraction.name = content.clickedElement.id;',
      help: 'JavaScript run on each link click, as content (content.xdm, content.data, content.clickedElement): change it in place, or return false to send nothing. On before event send then runs too.',
    },
    {
      kind: 'code',
      name: 'onBeforeEventSend',
      label: 'On before event send',
      placeholder:
        'if (content.xdm.eventType === "internal.ping") return false;\ncontent.xdm.channel = { typeAtSource: "web" };',
      help: 'JavaScript run on each event just before it is queued, as content (content.xdm, content.data): change it in place, or return false to cancel it. An error is logged and the event goes unchanged. Plain e-mail addresses are still replaced after it.',
    },
  ],
  defaults: {
    debug: false,
    idMigrationEnabled: true,
    webVitals: true,
    defaultConsent: 'in',
    clickCollectionEnabled: true,
    internalLinkEnabled: true,
    externalLinkEnabled: true,
    downloadLinkEnabled: true,
    downloadLinkQualifier: DEFAULT_DOWNLOAD_QUALIFIER,
  },
  check: checkOverrides,
});
