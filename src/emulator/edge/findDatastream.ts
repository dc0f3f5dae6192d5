import { DATASTREAM_ID } from '../../core/patterns';
import type { EmulatorContext } from '../EmulatorContext';
import type { Datastream } from '../storage/createCatalog';
import { edgeProblem } from './edgeProblem';

/** The query parameters that name the datastream: v2 `datastreamId` (the spec) or `dataStreamId` (older docs), v1 `configId`. */
const DATASTREAM_PARAMETERS = ['datastreamId', 'dataStreamId', 'configId'] as const;

/** The datastream id a request names, and the parameter it expected (for the refusal's text). */
export function readDatastreamParameter(
  query: Record<string, unknown>,
  version: 'v1' | 'v2',
): { rawId: unknown; parameter: string } {
  const parameter = version === 'v2' ? 'datastreamId' : 'configId';
  const given = DATASTREAM_PARAMETERS.find((name) => query[name] !== undefined);
  return { rawId: given && query[given], parameter };
}

/** Finds the datastream, creating it in development mode; refuses a missing or unknown one. */
export async function findDatastream(
  context: EmulatorContext,
  rawId: unknown,
  requestId: string,
  parameter: string,
): Promise<Datastream> {
  if (typeof rawId !== 'string' || !rawId.trim())
    throw edgeProblem(
      'missingDatastream',
      requestId,
      `The required datastream parameter ${parameter} is missing from your request: ?${parameter}={DATASTREAM_ID}`,
    );
  // Ids are UUIDs, in development mode too: an 8 KB id or one with a NUL would end up in the catalog.
  if (!DATASTREAM_ID.test(rawId.trim()))
    throw edgeProblem(
      'unknownDatastream',
      requestId,
      `${parameter} must be a datastream ID (a UUID, optionally with ":environment"), not ${JSON.stringify(rawId.slice(0, 60))}${rawId.length > 60 ? '…' : ''}`,
    );
  // `id:environment` selects a sandbox environment of the same datastream.
  const id = rawId.trim().split(':')[0]!;
  const known = context.catalog.get('datastream', id);
  if (known) return known;
  if (context.devMode)
    return context.catalog.put('datastream', {
      id,
      name: `Created on first use (${id})`,
      orgId: context.defaultOrgId,
      createdAt: Date.now(),
    });
  throw edgeProblem(
    'unknownDatastream',
    requestId,
    `The datastream ID ${JSON.stringify(id)} referenced in your request does not exist on this emulator: add it to the --datastreams file, POST it to /api/datastreams, or start with --dev to accept any id`,
  );
}
