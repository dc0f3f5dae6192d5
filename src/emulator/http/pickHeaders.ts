const KEPT = [
  'origin',
  'referer',
  'user-agent',
  'content-type',
  'content-length',
  'x-adobe-flow-id',
  'x-gw-ims-org-id',
  'x-sandbox-name',
];

/** Headers that carry a secret: kept only as a sign that one was sent (Adobe's APIs take the client id as `x-api-key`). */
const SECRETS = ['x-api-key', 'proxy-authorization'];

// An auth scheme is a token (RFC 9110 §11.1) followed by whitespace (a space or a tab) and credentials.
const SCHEME = /^([!#$%&'*+.^`|~\w-]+)[ \t]+\S/;

/** What is kept of an `Authorization` header: its scheme when it has one, never any part of the token. */
export function redactAuthorization(value: string): string {
  const scheme = SCHEME.exec(value)?.[1];
  return scheme ? `${scheme} [redacted]` : '[redacted]';
}

/**
 * The request headers worth keeping with an event. Secrets are not kept: `authorization` is
 * reduced to its scheme, `cookie` to its names, `x-api-key` and `proxy-authorization` to
 * `[redacted]`.
 */
export function pickHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of KEPT) {
    const value = headers[name];
    if (value !== undefined) kept[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  for (const name of SECRETS) if (headers[name] !== undefined) kept[name] = '[redacted]';
  const authorization = headers.authorization;
  if (authorization !== undefined) kept.authorization = redactAuthorization(String(authorization));
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
