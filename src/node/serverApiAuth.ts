import type { EdgeAuth } from '../core/CollectorConfig';
import { EdgeCollectorError } from '../core/EdgeCollectorError';
import type { Transport } from '../core/Transport';

/**
 * The host of the authenticated Server API: Adobe documents `server.adobedc.net` for calls with
 * credentials (https://experienceleague.adobe.com/en/docs/experience-platform/server-api/overview),
 * `edge.adobedc.net` for unauthenticated ones. The default `edgeUrl` when `auth` is given.
 */
export const SERVER_API_URL = 'https://server.adobedc.net';

/**
 * Checks the `auth` option of the authenticated Server API; `undefined` when absent. Throws an
 * `invalid-config` error naming the three fields. Lives with the Node face only: the browser
 * scripts never carry credentials, so they do not ship this code either.
 */
export function resolveAuth(auth: unknown): EdgeAuth | undefined {
  if (auth === undefined) return undefined;
  const { accessToken, apiKey, orgId } = (auth ?? {}) as Partial<EdgeAuth>;
  if (![accessToken, apiKey, orgId].every((value) => typeof value === 'string' && value)) {
    throw new EdgeCollectorError(
      'invalid-config',
      'auth needs accessToken, apiKey and orgId (strings) for the authenticated Server API',
    );
  }
  return { accessToken, apiKey, orgId } as EdgeAuth;
}

/**
 * Wraps a transport for the authenticated Server API: JSON instead of the browser's `text/plain`,
 * plus Adobe's three headers (https://experienceleague.adobe.com/en/docs/experience-platform/server-api/authentication).
 * Added at each attempt, so that the credentials are never stored with a queued request.
 */
export function serverApiTransport(auth: EdgeAuth, transport: Transport): Transport {
  return (request) =>
    transport({
      ...request,
      headers: {
        ...request.headers,
        'content-type': 'application/json',
        authorization: `Bearer ${auth.accessToken}`,
        'x-api-key': auth.apiKey,
        'x-gw-ims-org-id': auth.orgId,
      },
    });
}
