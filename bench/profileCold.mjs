// Where a cold page view's main-thread time goes: a CPU profile of the bench's cold page, from the
// call to the answer, summed per source file and function of our script (through its source map).
// Not part of `npm run bench`: a tool for finding what to cut. `node bench/profileCold.mjs --help`.
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { coldPage } from './lib/benchPages.mjs';
import { contestants as listContestants, readScript } from './lib/contestants.mjs';
import { createCertificate } from './lib/createCertificate.mjs';
import { launchBenchChromium } from './lib/launchBenchChromium.mjs';
import { openBenchPage } from './lib/openBenchPage.mjs';
import { EDGE_HOST, PAGE_HOST, startBenchServer } from './lib/startBenchServer.mjs';
import { VISIT_PAGES } from './lib/measureCold.mjs';

const { values: args } = parseArgs({
  options: {
    visits: { type: 'string', default: '10' },
    page: { type: 'string', default: 'first' },
    top: { type: 'string', default: '30' },
    after: { type: 'string', default: '0' },
    burst: { type: 'string', default: '0' },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(`usage: node bench/profileCold.mjs [--visits 10] [--page first|later] [--top 30] [--after 0]
  Profiles our cold page (as the bench's cold measure opens it) from the call to the answer (plus
  --after ms), over --visits fresh contexts, and prints the sampled main-thread time per source file
  and per function (self time), mapped through dist/*.min.js.map. With --burst N, profiles instead N
  page views called at once after that first one (a warm burst). Run \`npm run build\` first.`);
  process.exit(0);
}
const visits = Number(args.visits);
const pageIndex = VISIT_PAGES.indexOf(args.page);
if (pageIndex < 0) throw new Error(`--page must be one of ${VISIT_PAGES.join(', ')}`);

const ours = listContestants().find((contestant) => contestant.id === 'ours');
const server = await startBenchServer(createCertificate([PAGE_HOST, EDGE_HOST]));
server.serve('/favicon.ico', 'image/x-icon', Buffer.alloc(0));
const maps = {};
for (const name of ['state', 'tabs', 'consent', 'linkClicks', 'streaming', 'identity']) {
  const file = `dist/edge-collector.${name}.min.js`;
  server.serve(`/edge-collector.${name}.min.js`, 'text/javascript', readFileSync(file));
  maps[`edge-collector.${name}.min.js`] = new TraceMap(readFileSync(`${file}.map`, 'utf8'));
}
server.serve(ours.scriptPath, 'text/javascript', readScript(ours));
maps[ours.scriptPath.slice(1)] = new TraceMap(readFileSync(`${ours.file}.map`, 'utf8'));
server.serve(`/${ours.id}-cold.html`, 'text/html', coldPage(ours));

/** Where a profile node's code comes from: `source.ts function` for our scripts, else its name. */
function locate({ callFrame }) {
  const file = callFrame.url.slice(callFrame.url.lastIndexOf('/') + 1);
  const map = maps[file];
  if (!map || callFrame.lineNumber < 0)
    return {
      file: callFrame.url ? 'page' : callFrame.functionName || '(native)',
      name: callFrame.functionName,
    };
  const position = originalPositionFor(map, {
    line: callFrame.lineNumber + 1,
    column: callFrame.columnNumber,
  });
  const source = (position.source ?? '?').replace(/^.*\/src\//, '');
  return { file: source, name: `${position.name ?? callFrame.functionName}:${position.line}` };
}

const perFile = new Map();
const perFunction = new Map();
const perCaller = new Map();
const add = (table, key, ms) => table.set(key, (table.get(key) ?? 0) + ms);
let totalMs = 0;
const browser = await launchBenchChromium(server.port);
try {
  for (let visit = 0; visit < visits; visit++) {
    const session = await openBenchPage(browser);
    try {
      for (let index = 0; index <= pageIndex; index++) {
        await session.page.goto(`https://${PAGE_HOST}/${ours.id}-cold.html?page=${index + 1}`, {
          waitUntil: 'load',
        });
        await sleep(100);
        const profiled = index === pageIndex;
        const burst = Number(args.burst);
        if (profiled && burst) {
          await session.cdp.send('Runtime.evaluate', {
            expression: 'window.__benchCold()',
            awaitPromise: true,
          });
          await sleep(200);
        }
        if (profiled) {
          await session.cdp.send('Profiler.enable');
          await session.cdp.send('Profiler.setSamplingInterval', { interval: 50 });
          await session.cdp.send('Profiler.start');
        }
        await session.cdp.send('Runtime.evaluate', {
          expression:
            profiled && burst
              ? `Promise.all(Array.from({ length: ${burst} }, () => ${ours.sendExpression}))`
              : 'window.__benchCold()',
          awaitPromise: true,
          returnByValue: true,
        });
        if (!profiled) continue;
        await sleep(Number(args.after));
        const { profile } = await session.cdp.send('Profiler.stop');
        const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
        const parents = new Map();
        for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node);
        for (const [i, id] of profile.samples.entries()) {
          const ms = profile.timeDeltas[i + 1] === undefined ? 0 : profile.timeDeltas[i + 1] / 1000;
          const node = nodes.get(id);
          if (node.callFrame.functionName === '(idle)') continue;
          const { file, name } = locate(node);
          totalMs += ms;
          add(perFile, file, ms);
          add(perFunction, `${file} ${name}`, ms);
          // Where a call into the browser (a native function, a first compile) came from.
          const caller = parents.get(id);
          if (caller) {
            const from = locate(caller);
            add(perCaller, `${file} ${name}  <-  ${from.file} ${from.name}`, ms);
          }
        }
      }
    } finally {
      await session.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}

const print = (title, table) => {
  console.log(`\n${title}`);
  for (const [key, ms] of [...table].sort((a, b) => b[1] - a[1]).slice(0, Number(args.top)))
    console.log(`${(ms / visits).toFixed(2).padStart(8)} ms  ${key}`);
};
console.log(
  `${args.page} page, ${visits} visits: ${(totalMs / visits).toFixed(2)} ms sampled (not idle) per visit`,
);
print('self time per source file, per visit', perFile);
print('self time per function, per visit', perFunction);
print('self time per function and caller, per visit', perCaller);
