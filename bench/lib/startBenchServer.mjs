// The bench's one local server: it serves the test pages and scripts, and answers as the Edge Network.
import { Buffer } from 'node:buffer';
import { createServer } from 'node:https';
import { clearTimeout, setTimeout } from 'node:timers';
import { edgeAnswer } from './edgeAnswer.mjs';

/** The made-up host the pages come from; Chromium maps every `*.bench.test` name to this server. */
export const PAGE_HOST = 'www.bench.test';
/** The made-up host both libraries send to (a first-party Edge domain, as with a CNAME). */
export const EDGE_HOST = 'edge.bench.test';

/** The exact size of a request as HTTP/1.1 puts it on the wire (before TLS). */
function requestSize(req, bodyBytes) {
  let size = Buffer.byteLength(`${req.method} ${req.url} HTTP/${req.httpVersion}\r\n\r\n`);
  for (let i = 0; i < req.rawHeaders.length; i += 2)
    size += Buffer.byteLength(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}\r\n`);
  return size + bodyBytes;
}

/** The size of a response: Node keeps the serialized header block on the response once sent. */
function responseSize(res, bodyBytes) {
  // `_header` is Node's own copy of the status line and headers it wrote; stable since Node 0.x.
  const header = typeof res._header === 'string' ? res._header : '';
  return Buffer.byteLength(header) + bodyBytes;
}

/**
 * Starts an HTTPS server on 127.0.0.1 (port 0). Requests to {@link EDGE_HOST} are recorded with
 * their bytes in both directions, CORS preflights included (they are requests too); every POST
 * gets {@link edgeAnswer}. `files` maps a path on {@link PAGE_HOST} to `{type, body}`.
 */
export async function startBenchServer({ key, cert }) {
  const files = new Map();
  const requests = [];
  const listeners = new Set();
  const signals = new Map();
  // How long the Edge takes to answer a POST: 0, or a round trip's worth for the burst measure.
  let answerDelayMs = 0;

  const server = createServer({ key, cert, keepAliveTimeout: 30_000 }, (req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', `https://${req.headers.host}`);
      const host = url.hostname;
      const body = Buffer.concat(chunks);
      if (host !== EDGE_HOST && signals.has(url.pathname)) {
        res.writeHead(204, { 'cache-control': 'no-store' });
        res.end();
        signals.get(url.pathname)(url.searchParams);
        return;
      }
      if (host !== EDGE_HOST) {
        const file = req.method === 'GET' ? files.get(url.pathname) : undefined;
        // Cross-origin isolation gives the page a 5 µs `performance.now()` instead of 100 µs.
        res.writeHead(file ? 200 : 404, {
          'content-type': file?.type ?? 'text/plain',
          'cache-control': 'no-store',
          'cross-origin-opener-policy': 'same-origin',
          'cross-origin-embedder-policy': 'require-corp',
        });
        res.end(file?.body ?? 'not found');
        return;
      }
      res.setHeader('access-control-allow-origin', req.headers.origin ?? '*');
      res.setHeader('access-control-allow-credentials', 'true');
      let answer = '';
      if (req.method === 'OPTIONS') {
        res.setHeader('access-control-allow-methods', 'POST, GET, OPTIONS');
        res.setHeader('access-control-allow-headers', req.headers['access-control-request-headers'] ?? '*');
        res.writeHead(204);
      } else {
        answer = JSON.stringify(edgeAnswer(url.searchParams.get('requestId') ?? undefined));
        res.writeHead(200, {
          'content-type': 'application/json;charset=utf-8',
          'content-length': Buffer.byteLength(answer),
        });
      }
      const respond = () =>
        res.end(answer, () => {
          const record = {
            method: req.method,
            path: url.pathname,
            query: url.search,
            body: body.toString('utf8'),
            requestBytes: requestSize(req, body.length),
            responseBytes: responseSize(res, Buffer.byteLength(answer)),
          };
          requests.push(record);
          for (const listener of listeners) listener(record);
        });
      if (answerDelayMs && req.method === 'POST') setTimeout(respond, answerDelayMs);
      else respond();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    port: server.address().port,
    /** Every Edge request so far; the bench slices it by index around each measurement. */
    requests,
    serve: (path, type, body) => files.set(path, { type, body }),
    /** Delays every Edge answer to a POST by `ms` (0: answer at once). */
    setAnswerDelay(ms) {
      answerDelayMs = ms;
    },
    /** Resolves with the query of the next request a page makes to `path` on {@link PAGE_HOST}. */
    nextSignal(path, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          signals.delete(path);
          reject(new Error(`timed out waiting for the page to call ${path}`));
        }, timeoutMs);
        signals.set(path, (query) => {
          clearTimeout(timer);
          signals.delete(path);
          resolve(query);
        });
      });
    },
    /** Resolves once `count` Edge requests after index `from` have been answered (or rejects after `timeoutMs`). */
    waitForRequests(from, count, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const done = () => requests.length - from >= count;
        if (done()) return resolve(requests.slice(from));
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`timed out waiting for ${count} Edge request(s); got ${requests.length - from}`));
        }, timeoutMs);
        function check() {
          if (!done()) return;
          clearTimeout(timer);
          listeners.delete(check);
          resolve(requests.slice(from));
        }
        listeners.add(check);
      });
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
