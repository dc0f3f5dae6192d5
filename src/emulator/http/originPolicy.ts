import { isLoopbackOrigin } from './isLoopbackOrigin';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * True for the endpoints that change the emulator's configuration or stored data: writes and
 * deletes under `/api/`, and the Flow Service and mapping set calls under `/data/foundation/`.
 * The Edge Network and inlet endpoints are not among them: pages on any origin send to those.
 */
export function isManagementRequest(method: string, path: string): boolean {
  if (path.startsWith('/data/foundation/')) return !SAFE_METHODS.has(method);
  return path.startsWith('/api/') && !SAFE_METHODS.has(method);
}

/**
 * Why a management request is refused as a cross-site write, or undefined when it may go on: a
 * page on another origin can send a `text/plain` POST or a DELETE without any preflight, so the
 * `Origin` (and, where the browser sends it, `Sec-Fetch-Site`) decide. Clients without a browser
 * (curl, Node, tests) send neither and are served.
 */
export function crossSiteRefusal(
  method: string,
  path: string,
  headers: Record<string, string | string[] | undefined>,
): string | undefined {
  if (!isManagementRequest(method, path)) return undefined;
  const origin = headers.origin;
  if (origin !== undefined && !isLoopbackOrigin(origin))
    return `a page on ${JSON.stringify(String(origin)).slice(0, 100)} may not change the emulator's configuration or data: management endpoints take requests from loopback origins only`;
  if (headers['sec-fetch-site'] === 'cross-site')
    return "a cross-site page may not change the emulator's configuration or data (Sec-Fetch-Site: cross-site): open the page on the same host name as the emulator";
  return undefined;
}
