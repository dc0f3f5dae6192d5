import { createServer, STATUS_CODES, type RequestListener, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { Socket } from 'node:net';
import type { RejectionLog } from '../storage/createRejectionLog';
import type { ServerLimits } from './limits';
import { PROBLEM_JSON } from './sendProblem';

/** The status a client error (a malformed or too slow request, before any route) is answered with. */
function clientErrorStatus(code: string | undefined): number {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  if (code === 'HPE_HEADER_OVERFLOW') return 431;
  return 400;
}

/**
 * The emulator's HTTP server, for fastify's `serverFactory`: request, header, keep-alive and idle
 * timeouts and a connection cap from `limits`, so that slow or dripping clients cannot hold file
 * descriptors. Every connection dropped over the cap goes to the rejection log. With `tls` (a key
 * and certificate, `--https`) it serves HTTPS, as clients that only call `https://` need.
 */
export function createHttpServer(
  handler: RequestListener,
  limits: ServerLimits,
  rejections: RejectionLog,
  tls?: { key: string; cert: string },
): Server {
  const create = (
    tls
      ? (options: object, listener: RequestListener) => createTlsServer({ ...options, ...tls }, listener)
      : createServer
  ) as typeof createServer;
  const server = create(
    {
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout: Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs),
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // How often Node checks the two timeouts above (its default, 30 s, would let them overrun).
      connectionsCheckingInterval: Math.max(50, Math.min(1000, limits.requestTimeoutMs / 4)),
    },
    handler,
  );
  server.setTimeout(limits.idleTimeoutMs);
  server.maxConnections = limits.maxConnections;
  server.on('drop', () =>
    rejections.record({
      at: Date.now(),
      method: '-',
      path: '-',
      status: 503,
      type: 'about:blank',
      title: 'Too many connections',
      detail: `a connection beyond the cap of ${limits.maxConnections} was closed at once`,
    }),
  );
  return server;
}

/**
 * Fastify's `clientErrorHandler`: a request too malformed or too slow for any route (bad request
 * line, header overflow, request timeout) gets a problem body too, and is listed as refused.
 */
export function clientErrorHandler(limits: ServerLimits, rejections: RejectionLog) {
  return (error: NodeJS.ErrnoException, socket: Socket): void => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    // A connection that never sent a byte requested nothing (a browser's preconnect left idle):
    // it is closed, not listed as a refused request.
    if (socket.bytesRead === 0) return void socket.destroy();
    const status = clientErrorStatus(error.code);
    const title = STATUS_CODES[status]!;
    const detail =
      status === 408
        ? `the request did not arrive within ${limits.requestTimeoutMs} ms`
        : `the request could not be read (${error.code ?? error.message})`;
    rejections.record({ at: Date.now(), method: '-', path: '-', status, type: 'about:blank', title, detail });
    const body = JSON.stringify({ type: 'about:blank', status, title, detail });
    if (socket.writable)
      socket.write(
        `HTTP/1.1 ${status} ${title}\r\nContent-Type: ${PROBLEM_JSON}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    socket.destroy();
  };
}
