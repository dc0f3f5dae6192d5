// npm run bench:emulator: interact requests per second and p99 latency against the emulator on
// loopback. The emulator runs as its own process (as with npm start), every request carries a
// fresh event `_id` (so each one is validated, stored and fsynced, none skipped as a duplicate).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

const { fetch } = globalThis;

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const dataDir = mkdtempSync(join(tmpdir(), 'emulator-bench-'));

const child = spawn(
  process.execPath,
  ['dist/emulator/cli.js', '--port', '0', '--data-dir', dataDir, '--seed-demo', '--quiet'],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const started = await new Promise((resolve, reject) => {
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
    const origin = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
    const datastreamId = /Demo datastream\s+(\S+)/.exec(output)?.[1];
    if (origin && datastreamId) resolve({ origin, datastreamId });
  });
  child.on('exit', (code) => reject(new Error(`the emulator exited with ${code}: ${output}`)));
});

// The page view of the Edge Network Server API documentation, as the collector sends it.
const body = (id) =>
  JSON.stringify({
    event: {
      xdm: {
        _id: id,
        identityMap: {
          Email_LC_SHA256: [
            { id: '0c7e6a405862e402eb76a70f8a26fc732d07c32931e9fae9ab1582911d2e8a3b', primary: true },
          ],
        },
        eventType: 'web.webpagedetails.pageViews',
        web: {
          webPageDetails: {
            URL: 'https://alloystore.dev/',
            name: 'home-demo-Home Page',
            pageViews: { value: 1 },
          },
        },
        timestamp: new Date().toISOString(),
      },
      data: { prop1: 'custom value' },
    },
  });

try {
  const result = await autocannon({
    url: `${started.origin}/ee/v2/interact?dataStreamId=${started.datastreamId}`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: DURATION,
    headers: { 'content-type': 'text/plain;charset=UTF-8', origin: 'http://localhost:3000' },
    requests: [{ setupRequest: (request) => ({ ...request, body: body(randomUUID()) }) }],
  });
  const status = await (await fetch(`${started.origin}/api/status`)).json();
  const ok = result['2xx'];
  console.log(
    `\nEmulator: POST /ee/v2/interact on loopback, ${CONNECTIONS} connections, ${DURATION} s (each event validated and fsynced before its answer)`,
  );
  console.log(
    `  requests/s   ${Math.round(result.requests.average)} average (${result.requests.min}–${result.requests.max})`,
  );
  console.log(
    `  latency      p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
  );
  console.log(
    `  answers      ${ok} × 2xx, ${result.non2xx} other, ${result.errors} errors, ${result.timeouts} timeouts`,
  );
  console.log(`  stored       ${status.events} events (${status.duplicates} duplicates)`);
  if (result.non2xx || result.errors || status.events < ok) process.exitCode = 1;
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
}
