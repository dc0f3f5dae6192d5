import { exceedsDepth } from './exceedsDepth';
import { MAX_JSON_DEPTH } from './limits';

/**
 * Parses a request body that arrived as text (`application/json` or `text/plain`); says why not.
 * A body nested deeper than `maxDepth` is refused here, before anything walks it recursively.
 */
export function parseJson(
  body: unknown,
  maxDepth: number = MAX_JSON_DEPTH,
): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (body === undefined || body === null || body === '') return { ok: false, reason: 'the body is empty' };
  let value: unknown = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch (error) {
      return { ok: false, reason: `the body is not valid JSON (${(error as Error).message})` };
    }
  }
  if (maxDepth !== Infinity && exceedsDepth(value, maxDepth))
    return { ok: false, reason: `the body nests deeper than ${maxDepth} levels, the emulator's limit` };
  return { ok: true, value };
}
