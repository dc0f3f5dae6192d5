import { isPlainObject } from '../core/deepMerge';
import type { StreamRecordOptions } from '../core/streaming/StreamingOptions';

/** A blank setting (never filled, or a data element that had no value) counts as not given. */
function given(value: unknown): unknown {
  if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) return undefined;
  return typeof value === 'string' ? value.trim() : value;
}

/** A checkbox setting: `true`, or a data element that returned true / "true". */
function isOn(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.trim() === 'true');
}

/**
 * Reads the "Stream record" action's settings, after Turbine replaced the data element tokens,
 * into `streamRecord` options. Pure; the core checks the values and says what is wrong.
 */
export function readStreamRecordSettings(
  settings: unknown,
): Partial<StreamRecordOptions> & Record<string, unknown> {
  const saved = isPlainObject(settings) ? settings : {};
  const schemaId = given(saved.schemaId);
  const emailFields = given(saved.emailFields);
  return {
    inletUrl: given(saved.inletUrl),
    flowId: given(saved.flowId),
    dataType: given(saved.dataType),
    schemaRef:
      schemaId === undefined ? undefined : { id: schemaId, contentType: given(saved.schemaContentType) },
    datasetId: given(saved.datasetId),
    record: given(saved.record),
    pageView: isOn(saved.pageView),
    // Comma- or space-separated in the view; a data element may also return a list.
    emailFields: typeof emailFields === 'string' ? emailFields.split(/[\s,]+/).filter(Boolean) : emailFields,
    hashEmails: saved.hashEmails === undefined ? true : isOn(saved.hashEmails),
  } as Partial<StreamRecordOptions> & Record<string, unknown>;
}
