import { isPlainObject, type PlainObject } from '../deepMerge';
import { EdgeCollectorError } from '../EdgeCollectorError';
import { UUID } from '../patterns';

/** What an XDM record is shaped by: the schema's `$id` and the content type it is written in. */
export interface SchemaRef {
  /** The schema's `$id`, e.g. `https://ns.adobe.com/{TENANT}/schemas/7f68…`. */
  id: string;
  /** Default {@link DEFAULT_SCHEMA_CONTENT_TYPE}. */
  contentType?: string;
}

/** The options of `streamRecord`: where the record goes, how it is wrapped, and the record itself. */
export interface StreamRecordOptions {
  /** The inlet URL shown on the streaming connection, e.g. `https://dcs.adobedc.net/collection/{inletId}`. */
  inletUrl?: string;
  /** Instead of `inletUrl`: the inlet id, joined to `collectionHost`. */
  inletId?: string;
  /** Default `https://dcs.adobedc.net`; used only with `inletId`. */
  collectionHost?: string;
  /** The dataflow id, sent as `x-adobe-flow-id` (and in the XDM envelope's header). */
  flowId: string;
  /** `xdm` (default) wraps the record in the XDM envelope; `raw` sends it as it is, for a mapped dataflow. */
  dataType?: 'xdm' | 'raw';
  /** XDM only: the target schema. */
  schemaRef?: SchemaRef;
  /** XDM only: the target dataset id. */
  datasetId?: string;
  /** The record: an XDM Individual Profile or ExperienceEvent entity, or any JSON object for a raw inlet. */
  record?: PlainObject;
  /** XDM only: build the record as a page-view ExperienceEvent (as `sendPageView` does); `record` is merged over it. */
  pageView?: boolean | { name?: string; url?: string };
  /**
   * Dotted paths of e-mail fields in the record (e.g. `personalEmail.address`), hashed before sending:
   * in an XDM record the digest goes to `identityMap.Email_LC_SHA256` and the field is removed; in a
   * raw record the digest replaces the address.
   */
  emailFields?: string[];
  /** Default `true`: hash the `emailFields` and replace any other plain address. `false` sends the record untouched. */
  hashEmails?: boolean;
  /** Authenticated inlets only, and only on a server: an IMS access token, sent as `Authorization: Bearer …`. */
  accessToken?: string;
}

/** Options with every default filled in and every value checked. */
export interface ResolvedStreamingOptions {
  inletUrl: string;
  flowId: string;
  dataType: 'xdm' | 'raw';
  schemaRef?: Required<SchemaRef>;
  datasetId?: string;
  record: PlainObject;
  pageView?: { name?: string; url?: string };
  emailFields: string[];
  hashEmails: boolean;
  accessToken?: string;
}

/** The public collection host of HTTP API streaming inlets. */
export const DEFAULT_COLLECTION_HOST = 'https://dcs.adobedc.net';
/** The content type of the XDM envelope in Adobe's HTTP API streaming tutorial (the records it sends). */
export const DEFAULT_SCHEMA_CONTENT_TYPE = 'application/vnd.adobe.xed-full-notext+json; version=1.0';

const INLET_ID = /^[\w-]+$/;
// An absolute URI: a scheme, a colon, then no spaces (schema ids are https://ns.adobe.com/… URLs).
const URI = /^[a-z][a-z\d+.-]*:[^\s]+$/i;
const FIELD_PATH = /^[^.\s]+(\.[^.\s]+)*$/;

function invalid(message: string): never {
  throw new EdgeCollectorError('invalid-options', `streamRecord: ${message}`);
}

function httpUrl(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Checks the inlet URL's shape (`http(s)://host/collection/{inletId}`), or builds it from an inlet id and host. */
function resolveInletUrl(options: Partial<StreamRecordOptions>): string {
  const { inletUrl, inletId, collectionHost } = options;
  if (inletUrl !== undefined) {
    const url = typeof inletUrl === 'string' ? httpUrl(inletUrl.trim()) : undefined;
    const inlet = url?.pathname.match(/\/collection\/([^/]+)\/?$/)?.[1];
    if (!url || !inlet || !INLET_ID.test(inlet)) {
      invalid(
        `inletUrl "${String(inletUrl)}" is not an inlet URL such as ${DEFAULT_COLLECTION_HOST}/collection/{inletId}: copy it from the streaming connection`,
      );
    }
    return url.href;
  }
  if (typeof inletId !== 'string' || !INLET_ID.test(inletId.trim())) {
    invalid(
      inletId === undefined
        ? 'needs an inletUrl (or an inletId)'
        : `inletId "${String(inletId)}" is not an inlet id (letters, digits, "-" and "_")`,
    );
  }
  const host =
    collectionHost === undefined
      ? DEFAULT_COLLECTION_HOST
      : typeof collectionHost === 'string'
        ? collectionHost.trim()
        : '';
  if (!httpUrl(host))
    invalid(
      `collectionHost "${String(collectionHost)}" is not an http(s) URL such as ${DEFAULT_COLLECTION_HOST}`,
    );
  return `${host.replace(/\/+$/, '')}/collection/${inletId.trim()}`;
}

function resolveSchemaRef(value: unknown): Required<SchemaRef> {
  if (!isPlainObject(value))
    invalid('an xdm record needs schemaRef: { id: "https://ns.adobe.com/{TENANT}/schemas/…", contentType }');
  const { id, contentType = DEFAULT_SCHEMA_CONTENT_TYPE } = value as Partial<SchemaRef>;
  if (typeof id !== 'string' || !URI.test(id.trim())) {
    invalid(
      `schemaRef.id "${String(id)}" is not a URI: use the schema's $id, such as https://ns.adobe.com/{TENANT}/schemas/…`,
    );
  }
  if (typeof contentType !== 'string' || !/^application\/[\w.+-]+\+json/.test(contentType.trim())) {
    invalid(
      `schemaRef.contentType "${String(contentType)}" is not a JSON content type such as ${DEFAULT_SCHEMA_CONTENT_TYPE}`,
    );
  }
  return { id: id.trim(), contentType: contentType.trim() };
}

function resolvePageView(value: unknown): { name?: string; url?: string } | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return {};
  if (
    !isPlainObject(value) ||
    [value.name, value.url].some((v) => v !== undefined && typeof v !== 'string')
  ) {
    invalid('pageView is true or { name?, url? } (strings)');
  }
  return value as { name?: string; url?: string };
}

/** Refuses a record that could never be sent as JSON (one that contains itself, a BigInt) with a clear error. */
function checkSerializable(record: unknown): void {
  try {
    JSON.stringify(record);
  } catch (error) {
    invalid(
      /circular/i.test(String(error))
        ? 'record contains a circular reference'
        : `record cannot be sent as JSON: ${(error as Error).message}`,
    );
  }
}

/** Checks `streamRecord` options and fills in the defaults; throws an `invalid-options` error that says what to fix. */
export function resolveStreamingOptions(input: unknown): ResolvedStreamingOptions {
  if (!isPlainObject(input))
    invalid('takes an options object: { inletUrl, flowId, dataType, schemaRef, datasetId, record }');
  const options = input as Partial<StreamRecordOptions>;
  const inletUrl = resolveInletUrl(options);
  const {
    flowId,
    dataType = 'xdm',
    datasetId,
    record,
    emailFields = [],
    hashEmails = true,
    accessToken,
  } = options;
  if (typeof flowId !== 'string' || !UUID.test(flowId.trim())) {
    invalid(
      `flowId "${String(flowId)}" is not a dataflow id: expected a UUID such as f2ae0194-8bd8-4a40-a4d9-f07bdc3e6ce2`,
    );
  }
  if (dataType !== 'xdm' && dataType !== 'raw')
    invalid(`dataType "${String(dataType)}" is neither "xdm" nor "raw"`);
  const pageView = resolvePageView(options.pageView);
  if (pageView && dataType !== 'xdm')
    invalid('pageView needs dataType "xdm": a page view is an XDM ExperienceEvent');
  if (record !== undefined && !isPlainObject(record))
    invalid('record must be an object (for example from a data element)');
  if (record === undefined && !pageView) invalid('needs a record (an object)');
  checkSerializable(record);
  if (
    !Array.isArray(emailFields) ||
    !emailFields.every((path) => typeof path === 'string' && FIELD_PATH.test(path.trim()))
  ) {
    invalid('emailFields is a list of dotted field paths, such as ["personalEmail.address"]');
  }
  if (typeof hashEmails !== 'boolean') invalid('hashEmails is true or false');
  if (accessToken !== undefined && (typeof accessToken !== 'string' || !accessToken.trim()))
    invalid('accessToken must be a non-empty string');

  const resolved: ResolvedStreamingOptions = {
    inletUrl,
    flowId: flowId.trim(),
    dataType,
    record: record ?? {},
    emailFields: emailFields.map((path) => path.trim()),
    hashEmails,
  };
  if (pageView) resolved.pageView = pageView;
  if (accessToken !== undefined) resolved.accessToken = accessToken.trim();
  if (dataType === 'xdm') {
    resolved.schemaRef = resolveSchemaRef(options.schemaRef);
    if (typeof datasetId !== 'string' || !/^[\w-]+$/.test(datasetId.trim())) {
      invalid(`datasetId "${String(datasetId)}" is not a dataset id such as 604a18a3bae67d18db6d258c`);
    }
    resolved.datasetId = datasetId.trim();
  }
  return resolved;
}
