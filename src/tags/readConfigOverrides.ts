import { checkConfigOverrides, type EdgeConfigOverrides } from '../core/configOverrides';
import { isPlainObject, type PlainObject } from '../core/deepMerge';
import { EdgeCollectorError } from '../core/EdgeCollectorError';
import { TAGS_STAGES, type TagsStage } from './TagsExtensionSettings';

/** A setting Turbine left blank: never filled, or a data element with no value. */
const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && !value.trim());

/**
 * What data elements give, in the types the Edge Network takes: an ID sync container returned as
 * `"123"` becomes 123, report suites as `"rs1, rs2"` a list; blank fields are left out.
 */
function normalize(value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  const out: PlainObject = {};
  for (const [key, field] of Object.entries(value)) {
    if (isBlank(field)) continue;
    if (key === 'idSyncContainerId' && typeof field === 'string' && /^\s*\d+\s*$/.test(field))
      out[key] = Number(field);
    else if (key === 'reportSuites' && typeof field === 'string')
      out[key] = field
        .split(',')
        .map((suite) => suite.trim())
        .filter(Boolean);
    else if (key === 'reportSuites' && Array.isArray(field))
      out[key] = field.filter((suite) => !isBlank(suite)).map((suite) => String(suite).trim());
    else out[key] = normalize(field);
  }
  return out;
}

/** The library's Tags environment, production when Turbine does not say. */
export const knownStage = (stage: string | undefined): TagsStage =>
  (TAGS_STAGES as readonly string[]).includes(stage ?? '') ? (stage as TagsStage) : 'production';

/**
 * Reads the `edgeConfigOverrides` setting of the extension configuration or of a send action, as
 * Adobe's Web SDK extension saves it (`{ production: {…}, staging: {…}, development: {…} }`, each
 * with `datastreamId` and the products' settings; or a data element returning that), and gives the
 * overrides of the library's environment, checked. Each environment stands alone, as in Adobe's
 * extension. Throws an `invalid-options` error naming the field.
 */
export function readConfigOverrides(
  setting: unknown,
  stage: string | undefined,
  where: string,
): EdgeConfigOverrides {
  if (isBlank(setting)) return {};
  if (!isPlainObject(setting))
    throw new EdgeCollectorError(
      'invalid-options',
      `${where}: datastream configuration overrides must be an object by environment ({ "production": {…} }), or a data element returning one`,
    );
  const unknown = Object.keys(setting).filter((key) => !(TAGS_STAGES as readonly string[]).includes(key));
  if (unknown.length)
    throw new EdgeCollectorError(
      'invalid-options',
      `${where}: datastream configuration overrides are set by environment (production, staging, development), not "${unknown.join('", "')}"`,
    );
  const known = knownStage(stage);
  return checkConfigOverrides(normalize(setting[known]), `${where} (${known} overrides)`);
}
