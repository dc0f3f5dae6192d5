import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../EmulatorContext';
import { isLoopbackHost } from './hostPolicy';
import { isLoopbackOrigin } from './isLoopbackOrigin';
import { crossSiteRefusal } from './originPolicy';
import { pathOf, plainProblem, sendProblem } from './sendProblem';

/** Paths any page may call, as it calls Adobe's services: the Edge Network and the streaming inlets. */
const PUBLIC_SERVICE = /^\/(ee|collection)\//;

/** Whether a page on `origin` gets CORS headers for `url`. */
const corsAllowed = (origin: string | undefined, url: string): origin is string =>
  typeof origin === 'string' &&
  (isLoopbackOrigin(origin) || (PUBLIC_SERVICE.test(pathOf(url)) && /^https?:\/\/[^/]+$/.test(origin)));

/**
 * The checks every request passes before any route (hooks on the root instance, so they cover
 * every plugin): a loopback `Host` (421 otherwise, against DNS rebinding), no cross-site writes
 * to management endpoints (403), and CORS headers: for any page origin on the Edge Network and
 * inlet paths (the real services answer every site's pages), for loopback origins elsewhere.
 */
export function installRequestPolicy(
  app: FastifyInstance,
  context: EmulatorContext,
  port: () => number,
  https = false,
): void {
  app.addHook('onRequest', async (request, reply) => {
    const { host } = request.headers;
    if (!isLoopbackHost(host, port(), https))
      return sendProblem(
        context.rejections,
        request,
        reply,
        plainProblem(
          421,
          'Misdirected request',
          `the emulator serves only 127.0.0.1, localhost and [::1] on port ${port()}, not the host ${JSON.stringify(String(host ?? '')).slice(0, 100)}`,
        ),
      );
    const refusal = crossSiteRefusal(request.method, pathOf(request.url), request.headers);
    if (refusal)
      return sendProblem(
        context.rejections,
        request,
        reply,
        plainProblem(403, 'Cross-site write refused', refusal),
      );
    const pageOrigin = request.headers.origin;
    if (corsAllowed(pageOrigin, request.url)) {
      reply.header('access-control-allow-origin', pageOrigin);
      reply.header('access-control-allow-credentials', 'true');
      reply.header('access-control-expose-headers', 'retry-after, x-request-id, x-adobe-edge');
      reply.header('vary', 'Origin');
    }
  });
  app.options('*', async (request, reply) => {
    if (corsAllowed(request.headers.origin, request.url)) {
      reply.header('access-control-allow-methods', 'GET, POST, DELETE, OPTIONS');
      reply.header(
        'access-control-allow-headers',
        request.headers['access-control-request-headers'] ?? 'content-type',
      );
      reply.header('access-control-max-age', '600');
      // Private Network Access: a page on a public site may call this loopback server once it agrees.
      if (request.headers['access-control-request-private-network'] === 'true')
        reply.header('access-control-allow-private-network', 'true');
    }
    return reply.code(204).send();
  });
}
