import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the server received, as the test sees it. */
export interface RecordedRequest {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: string;
  receivedAt: number;
}

/** How the server answers a request: status, JSON body, extra headers; or `'drop'` to cut the connection. */
export type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | 'drop';

/** A running recording server: its origin, what it got, and how to stop it. */
export interface RecordingServer {
  origin: string;
  requests: RecordedRequest[];
  /** Replies used in order before the default (200 with an interact-style answer) applies. */
  replies: Reply[];
  /** Milliseconds every planned or default reply waits before it is written (an Edge answering slowly); default 0. */
  answerDelay: number;
  /** Serves static text (pages, scripts) at a path. */
  serve(path: string, contentType: string, body: string | Buffer): void;
  /** Resolves when `count` requests matching `filter` have arrived (or rejects after `timeoutMs`). */
  waitFor(
    count: number,
    filter?: (request: RecordedRequest) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedRequest[]>;
  close(): Promise<void>;
}

/**
 * Starts a small HTTP server on 127.0.0.1 that records every request, answers CORS preflights for
 * any origin with credentials, serves test pages, and replies to everything else from a list of
 * planned replies (default: 200 `{requestId, handle: []}` echoing the `requestId` query parameter).
 */
export async function startRecordingServer(port = 0): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  const replies: Reply[] = [];
  const files = new Map<string, { contentType: string; body: string | Buffer }>();
  const waiters: Array<() => void> = [];
  const recording = { answerDelay: 0 } as RecordingServer;
  // Served as a file, so that the browser's own request for it never takes a planned reply.
  files.set('/favicon.ico', { contentType: 'image/x-icon', body: '' });

  const cors = (req: IncomingMessage, res: ServerResponse) => {
    res.setHeader('access-control-allow-origin', req.headers.origin ?? '*');
    res.setHeader('access-control-allow-credentials', 'true');
    res.setHeader('access-control-expose-headers', 'retry-after');
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      const file = req.method === 'GET' ? files.get(url.pathname) : undefined;
      if (file) {
        res.writeHead(200, { 'content-type': file.contentType, 'cache-control': 'no-store' });
        res.end(file.body);
        return;
      }
      cors(req, res);
      if (req.method === 'OPTIONS') {
        res.setHeader('access-control-allow-methods', 'POST, GET, OPTIONS');
        res.setHeader('access-control-allow-headers', req.headers['access-control-request-headers'] ?? '*');
        res.writeHead(204);
        res.end();
        return;
      }
      requests.push({
        method: req.method ?? 'GET',
        url,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        receivedAt: Date.now(),
      });
      for (const wake of waiters.splice(0)) wake();
      const reply = replies.shift() ?? {
        status: 200,
        body: { requestId: url.searchParams.get('requestId'), handle: [] },
      };
      const answer = () => {
        if (reply === 'drop') {
          req.socket.destroy();
          return;
        }
        res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
        res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
      };
      if (recording.answerDelay) setTimeout(answer, recording.answerDelay);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: boundPort } = server.address() as AddressInfo;

  const methods: Omit<RecordingServer, 'answerDelay'> = {
    origin: `http://127.0.0.1:${boundPort}`,
    requests,
    replies,
    serve: (path, contentType, body) => files.set(path, { contentType, body }),
    waitFor(count, filter = () => true, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(`timed out waiting for ${count} request(s); got ${requests.filter(filter).length}`),
            ),
          timeoutMs,
        );
        const check = () => {
          const matched = requests.filter(filter);
          if (matched.length >= count) {
            clearTimeout(timer);
            resolve(matched);
          } else waiters.push(check);
        };
        check();
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return Object.assign(recording, methods);
}
