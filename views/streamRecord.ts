import { objectField } from './shared/commonFields';
import { instanceField } from './shared/createInstanceField';
import { registerView } from './shared/registerView';
import { hasToken } from './shared/tokens';
import type { Validator } from './shared/validators';
import { UUID } from '../src/core/patterns';

// The checks of the core's `streamRecord` options, as form messages; a data element passes them all.

/** An inlet URL: `http(s)://host/collection/{inletId}`, as the streaming connection shows it. */
const inletUrl: Validator = (value) => {
  if (hasToken(value)) return undefined;
  try {
    const url = new URL(value);
    if (
      (url.protocol === 'https:' || url.protocol === 'http:') &&
      /\/collection\/[\w-]+\/?$/.test(url.pathname)
    )
      return undefined;
  } catch {
    // Reported below.
  }
  return 'Enter the inlet URL of the streaming connection, such as https://dcs.adobedc.net/collection/{inlet ID}.';
};

/** A dataflow ID: a UUID. */
const flowId: Validator = (value) =>
  hasToken(value) || UUID.test(value)
    ? undefined
    : 'Enter the dataflow ID, a UUID such as f2ae0194-8bd8-4a40-a4d9-f07bdc3e6ce2.';

/** A schema `$id`: an absolute URI. */
const schemaId: Validator = (value) =>
  hasToken(value) || /^[a-z][a-z\d+.-]*:\S+$/i.test(value)
    ? undefined
    : 'Enter the schema $id, a URI such as https://ns.adobe.com/{tenant}/schemas/{id}.';

/** A dataset ID: letters, digits, - and _. */
const datasetId: Validator = (value) =>
  hasToken(value) || /^[\w-]+$/.test(value)
    ? undefined
    : 'Enter a dataset ID such as 604a18a3bae67d18db6d258c.';

/** A content type such as `application/vnd.adobe.xed-full+json;version=1.0`. */
const contentType: Validator = (value) =>
  hasToken(value) || /^application\/[\w.+-]+\+json/.test(value)
    ? undefined
    : 'Enter a JSON content type such as application/vnd.adobe.xed-full+json;version=1.0.';

/** Dotted field paths separated by commas. */
const fieldPaths: Validator = (value) =>
  hasToken(value) ||
  value
    .split(/[\s,]+/)
    .filter(Boolean)
    .every((path) => /^[^.\s]+(\.[^.\s]+)*$/.test(path))
    ? undefined
    : 'Enter dotted field paths separated by commas, such as personalEmail.address, workEmail.address.';

/** The "Stream record" action view. */
export const view = registerView({
  title: 'Stream record',
  intro:
    'Sends one record to an HTTP API streaming inlet of Experience Platform, through the same queue and retries as events.',
  fields: [
    instanceField,
    {
      kind: 'text',
      name: 'inletUrl',
      label: 'Inlet URL',
      required: true,
      validate: inletUrl,
      placeholder: 'https://dcs.adobedc.net/collection/667b41cf…',
      help: 'Sources > HTTP API > your streaming connection shows it.',
    },
    {
      kind: 'text',
      name: 'flowId',
      label: 'Dataflow ID',
      required: true,
      validate: flowId,
      placeholder: 'f2ae0194-8bd8-4a40-a4d9-f07bdc3e6ce2',
      help: 'Sent as x-adobe-flow-id. For raw data it picks the mapping that turns the record into XDM.',
    },
    {
      kind: 'choice',
      name: 'dataType',
      label: 'Data type',
      required: true,
      help: 'XDM: the record is an XDM entity, sent in the XDM envelope. Raw: the record is sent as it is, and the dataflow maps it.',
      options: [
        { value: 'xdm', label: 'XDM' },
        { value: 'raw', label: 'Raw' },
      ],
    },
    {
      kind: 'text',
      name: 'schemaId',
      label: 'Schema $id',
      validate: schemaId,
      placeholder: 'https://ns.adobe.com/{tenant}/schemas/{id}',
      help: 'XDM only, required there: the target schema.',
    },
    {
      kind: 'text',
      name: 'schemaContentType',
      label: 'Schema content type',
      validate: contentType,
      placeholder: 'application/vnd.adobe.xed-full+json;version=1.0',
      help: 'XDM only. Leave empty for application/vnd.adobe.xed-full+json;version=1.0.',
    },
    {
      kind: 'text',
      name: 'datasetId',
      label: 'Dataset ID',
      validate: datasetId,
      placeholder: '604a18a3bae67d18db6d258c',
      help: 'XDM only, required there: the target dataset.',
    },
    {
      ...objectField(
        'record',
        'Record',
        'The profile record, ExperienceEvent or raw record: JSON, or a data element returning an object.',
        '{ "_id": "p-1", "personalEmail": { "address": "%user email%" } } or %record data element%',
      ),
      required: true,
    },
    {
      kind: 'checkbox',
      name: 'pageView',
      label: 'Page view',
      text: 'Send as a page-view ExperienceEvent',
      help: 'XDM only: builds a page view as Send page view does (id, time, page and context) and merges the record over it.',
    },
    {
      kind: 'text',
      name: 'emailFields',
      label: 'E-mail fields',
      validate: fieldPaths,
      placeholder: 'personalEmail.address, workEmail.address',
      help: 'Paths of e-mail fields in the record, hashed in the page (Email_LC_SHA256) before sending.',
    },
    {
      kind: 'checkbox',
      name: 'hashEmails',
      label: 'Hash e-mail fields',
      text: 'Hash the e-mail fields and replace any other plain address',
      help: 'On by default. Turn off only for an authenticated inlet that must receive plain addresses.',
      // The runtime hashes when the setting is missing: re-saving such an item must not turn it off.
      whenMissing: true,
    },
  ],
  defaults: {
    dataType: 'xdm',
    pageView: false,
    emailFields: 'personalEmail.address, workEmail.address',
    hashEmails: true,
  },
});
