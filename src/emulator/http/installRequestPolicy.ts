import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../EmulatorContext';
import { isLoopbackHost } from './hostPolicy';
import { isLoopbackOrigin } from './isLoopbackOrigin';
import { crossSiteRefusal } from './originPolicy';
import { pathOf, plainProblem, sendProblem } from './sendProblem';

/**
 * The checks every request passes before any route (hooks on the root instance, so they cover
 * every plugin): a loopback `Host` (421 otherwise, against DNS rebinding), no cross-site writes
 * to management endpoints (403), and CORS headers for loopback page origins only.
 */
export function installRequestPolicy(
  app: FastifyInstance,
  context: EmulatorContext,
  port: () => number,
): void {
  app.addHook('onRequest', async (request, reply) => {
    const { host } = request.headers;
    if (!isLoopbackHost(host, port()))
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
    if (isLoopbackOrigin(pageOrigin)) {
      reply.header('access-control-allow-origin', pageOrigin);
      reply.header('access-control-allow-credentials', 'true');
      reply.header('access-control-expose-headers', 'retry-after, x-request-id');
      reply.header('vary', 'Origin');
    }
  });
  app.options('*', async (request, reply) => {
    if (isLoopbackOrigin(request.headers.origin)) {
      reply.header('access-control-allow-methods', 'GET, POST, DELETE, OPTIONS');
      reply.header(
        'access-control-allow-headers',
        request.headers['access-control-request-headers'] ?? 'content-type',
      );
      reply.header('access-control-max-age', '600');
    }
    return reply.code(204).send();
  });
}
