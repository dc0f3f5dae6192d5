import type { PlainObject } from '../deepMerge';
import type { SchemaRef } from './StreamingOptions';

/** The message an XDM streaming inlet takes: routing in `header`, the schema again and the entity in `body`. */
export interface XdmEnvelope {
  header: { schemaRef: Required<SchemaRef>; flowId: string; datasetId: string };
  body: { xdmMeta: { schemaRef: Required<SchemaRef> }; xdmEntity: PlainObject };
}

/** Wraps one XDM entity (a profile record or an ExperienceEvent) in the streaming envelope. Pure. */
export function buildXdmEnvelope(
  schemaRef: Required<SchemaRef>,
  flowId: string,
  datasetId: string,
  xdmEntity: PlainObject,
): XdmEnvelope {
  return {
    header: { schemaRef: { id: schemaRef.id, contentType: schemaRef.contentType }, flowId, datasetId },
    body: { xdmMeta: { schemaRef: { id: schemaRef.id, contentType: schemaRef.contentType } }, xdmEntity },
  };
}
