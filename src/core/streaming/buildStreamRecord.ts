import { createUuid } from '../createUuid';
import type { PlainObject } from '../deepMerge';
import { redactEmails } from '../redactEmails';
import { buildXdmEnvelope } from './buildXdmEnvelope';
import { hashEmailFields } from './hashEmailFields';
import { buildStreamingRequest, type StreamingRequest } from './StreamingRequest';
import { resolveStreamingOptions } from './StreamingOptions';

/** Builds a page view's XDM with a record merged over it: a collector's own `buildEvent`, or streamRecord's. */
export type PageViewBuilder = (
  pageView: { name?: string; url?: string },
  xdm: PlainObject,
) => Promise<{ xdm: PlainObject; warnings: string[] }>;

/**
 * Checks the options and builds the request for one record (see prepareStreamRecord), page views
 * with `buildPageView`. Takes the builder rather than importing one, so that the streaming add-on,
 * which uses the page collector's, carries no event builder of its own.
 */
export async function buildStreamRecord(
  input: unknown,
  buildPageView: PageViewBuilder,
): Promise<{ request: StreamingRequest; warnings: string[] }> {
  const options = resolveStreamingOptions(input);
  const { dataType, pageView } = options;
  const warnings: string[] = [];
  let record = options.record;
  // Hashed before a page view is built around it, so that the builder's own guard never sees a plain address.
  if (options.hashEmails) {
    const hashed = await hashEmailFields(
      record,
      options.emailFields,
      dataType === 'xdm' ? 'identityMap' : 'inPlace',
    );
    record = hashed.value;
    warnings.push(...hashed.warnings);
  }
  let entity = record;
  if (dataType === 'xdm' && pageView) {
    const built = await buildPageView(pageView, record);
    warnings.push(...built.warnings);
    entity = built.xdm;
  } else if (dataType === 'xdm' && !(typeof record._id === 'string' && record._id)) {
    // Platform requires `_id` on XDM records; a fixed one also lets a retried record be recognised.
    entity = { _id: createUuid(), ...record };
  }
  if (options.hashEmails) {
    const redacted = redactEmails(entity);
    entity = redacted.value;
    for (const path of redacted.paths) {
      warnings.push(
        `a plain e-mail address in ${path} was replaced before sending (name the field in emailFields to send its hash, or set hashEmails: false)`,
      );
    }
  }
  const requestId = createUuid();
  const payload =
    dataType === 'xdm'
      ? (buildXdmEnvelope(
          options.schemaRef!,
          options.flowId,
          options.datasetId!,
          entity,
        ) as unknown as PlainObject)
      : entity;
  const recordId = dataType === 'xdm' ? String(entity._id) : requestId;
  return { request: buildStreamingRequest(options, payload, requestId, recordId), warnings };
}
