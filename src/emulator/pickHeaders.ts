const KEPT = [
  'origin',
  'referer',
  'user-agent',
  'content-type',
  'content-length',
  'x-adobe-flow-id',
  'x-gw-ims-org-id',
  'x-api-key',
  'x-sandbox-name',
];

/**
 * The request headers worth keeping with an event. Secrets are not kept: `authorization` is
 * reduced to its scheme, `cookie` to its names.
 */
export function pickHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of KEPT) {
    const value = headers[name];
    if (value !== undefined) kept[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const authorization = headers.authorization;
  if (typeof authorization === 'string') kept.authorization = `${authorization.split(' ')[0]} [redacted]`;
  const cookie = headers.cookie;
  if (typeof cookie === 'string') {
    kept.cookie = cookie
      .split(';')
      .map((part) => part.split('=')[0]!.trim())
      .filter(Boolean)
      .join('; ');
  }
  return kept;
}
