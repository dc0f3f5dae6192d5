/** Parses a request body that arrived as text (`application/json` or `text/plain`); says why not. */
export function parseJson(body: unknown): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (body === undefined || body === null || body === '') return { ok: false, reason: 'the body is empty' };
  if (typeof body !== 'string') return { ok: true, value: body };
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    return { ok: false, reason: `the body is not valid JSON (${(error as Error).message})` };
  }
}
