// `npm run bench`: our collector, Adobe's Web SDK (alloy), a bare `fetch` and the contract's floor,
// side by side in one headless Chromium against one local Edge, interleaved run by run. Prints a
// Markdown table with every figure of ours as a ratio to alloy, to the bare fetch and to the floor,
// checks issue 13's goals, writes bench/results/latest.json.
import { Buffer } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { baselinePage, coldPage, evaluatePage, pageViewPage, sendsPage } from './lib/benchPages.mjs';
import { contestants as listContestants, readScript } from './lib/contestants.mjs';
import { createCertificate } from './lib/createCertificate.mjs';
import { formatTable, ratio } from './lib/formatTable.mjs';
import { launchBenchChromium } from './lib/launchBenchChromium.mjs';
import { measureBurst } from './lib/measureBurst.mjs';
import { VISIT_PAGES, measureCold } from './lib/measureCold.mjs';
import { measureLoad } from './lib/measureLoad.mjs';
import { measureSends } from './lib/measureSends.mjs';
import { measureSizes } from './lib/measureSizes.mjs';
import { publishResult, updateDocs } from './lib/updateDocs.mjs';
import { EDGE_HOST, PAGE_HOST, startBenchServer } from './lib/startBenchServer.mjs';
import { mean, median, percentile, summarize } from './lib/stats.mjs';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    sends: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '4' },
    slowdown: { type: 'string', default: '4' },
    bursts: { type: 'string', default: '10' },
    cold: { type: 'string', default: '15' },
    compare: { type: 'string' },
    out: { type: 'string', default: 'bench/results/latest.json' },
    'update-docs': { type: 'boolean', default: false },
    publish: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
/** The burst measure of issue 13: ten events called at once, each answer taking 50 ms. */
const BURST = { count: 10, delayMs: 50 };
if (args.help) {
  console.log(`usage: node bench/run.mjs [--runs 10] [--sends 1000] [--rounds 4] [--slowdown 4] [--bursts 10] [--cold 15] [--compare file.js] [--out bench/results/latest.json]
  --runs      cold page loads per library and page kind (interleaved)
  --sends     page views per contestant for the send timings, split into --rounds interleaved bursts
  --slowdown  CPU slowdown of the throttled loads (Lighthouse's mobile profile uses 4)
  --bursts    bursts of ${BURST.count} page views called at once (answers ${BURST.delayMs} ms late) per contestant
  --cold      cold visits per contestant (fresh context; configure + first page view on a first and a later page)
  --compare   another build of our standalone script (e.g. the one before a change), measured as one more contestant
  --update-docs  then rewrite the figures in README.md and docs/ from this result
  --publish      then copy the result to bench/results/<today>.json (committed) and update the docs from it`);
  process.exit(0);
}
const positive = (name) => {
  const value = Number(args[name]);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name} must be a positive integer, got "${args[name]}"`);
    process.exit(2);
  }
  return value;
};
const settings = {
  runs: positive('runs'),
  sends: positive('sends'),
  rounds: positive('rounds'),
  cpuSlowdown: positive('slowdown'),
  bursts: positive('bursts'),
  burst: BURST,
  coldVisits: positive('cold'),
};
const sendsPerRound = Math.ceil(settings.sends / settings.rounds);

const started = Date.now();
const progress = (message) =>
  process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}\n`);
const contestants = listContestants({ compare: args.compare });
// Loads and sizes are measured for the libraries; the bare fetch and the floor have no script.
const libraries = contestants.filter((contestant) => contestant.file);
// Read once: the bytes measured are the bytes served, even if dist/ is rebuilt mid-run.
const scripts = Object.fromEntries(contestants.map((contestant) => [contestant.id, readScript(contestant)]));

const server = await startBenchServer(createCertificate([PAGE_HOST, EDGE_HOST]));
server.serve('/favicon.ico', 'image/x-icon', Buffer.alloc(0));
server.serve('/baseline.html', 'text/html', baselinePage());
// Our scripts' add-ons, next to them as a site hosts them: a page view's answer loads the cookie writer.
for (const name of ['state', 'tabs', 'consent', 'linkClicks', 'streaming'])
  server.serve(
    `/edge-collector.${name}.min.js`,
    'text/javascript',
    readFileSync(`dist/edge-collector.${name}.min.js`),
  );
for (const contestant of contestants) {
  if (contestant.file) {
    server.serve(contestant.scriptPath, 'text/javascript', scripts[contestant.id]);
    server.serve(`/${contestant.id}-evaluate.html`, 'text/html', evaluatePage(contestant));
    server.serve(`/${contestant.id}-view.html`, 'text/html', pageViewPage(contestant));
  }
  server.serve(`/${contestant.id}-sends.html`, 'text/html', sendsPage(contestant));
  server.serve(`/${contestant.id}-cold.html`, 'text/html', coldPage(contestant));
}

const browser = await launchBenchChromium(server.port);
const samples = {
  baseline: [],
  baselineSlow: [],
  evaluate: {},
  view: {},
  viewSlow: {},
  sends: {},
  bursts: {},
  cold: {},
};
for (const { id } of contestants)
  for (const kind of ['evaluate', 'view', 'viewSlow', 'sends', 'bursts', 'cold']) samples[kind][id] = [];

const browserVersion = browser.version();
try {
  // One untimed pass first: the browser's own first-use costs land on nobody.
  for (const contestant of libraries)
    await measureLoad(browser, server, { path: `/${contestant.id}-view.html`, expectPageView: true });
  for (const contestant of contestants) await measureCold(browser, contestant);

  // Cold visits, interleaved: each visit rotates who goes first, so no one always follows the same.
  for (let visit = 0; visit < settings.coldVisits; visit++) {
    progress(`cold visit ${visit + 1}/${settings.coldVisits}`);
    const shift = visit % contestants.length;
    for (const contestant of [...contestants.slice(shift), ...contestants.slice(0, shift)])
      samples.cold[contestant.id].push(await measureCold(browser, contestant));
  }

  // Cold loads, interleaved: every run visits every library once, in the same order (A B A B …).
  for (let run = 1; run <= settings.runs; run++) {
    progress(`load run ${run}/${settings.runs}`);
    samples.baseline.push(await measureLoad(browser, server, { path: '/baseline.html' }));
    for (const { id } of libraries)
      samples.evaluate[id].push(await measureLoad(browser, server, { path: `/${id}-evaluate.html` }));
    for (const { id } of libraries)
      samples.view[id].push(
        await measureLoad(browser, server, { path: `/${id}-view.html`, expectPageView: true }),
      );
    samples.baselineSlow.push(
      await measureLoad(browser, server, { path: '/baseline.html', cpuSlowdown: settings.cpuSlowdown }),
    );
    for (const { id } of libraries) {
      samples.viewSlow[id].push(
        await measureLoad(browser, server, {
          path: `/${id}-view.html`,
          cpuSlowdown: settings.cpuSlowdown,
          expectPageView: true,
        }),
      );
    }
  }
  // Page-view bursts, interleaved round by round.
  for (let round = 1; round <= settings.rounds; round++) {
    for (const { id } of contestants) {
      progress(`send round ${round}/${settings.rounds}: ${id}, ${sendsPerRound} page views`);
      samples.sends[id].push(
        await measureSends(browser, server, { path: `/${id}-sends.html`, count: sendsPerRound }),
      );
    }
  }
  // Bursts, interleaved burst by burst.
  for (let burst = 1; burst <= settings.bursts; burst++) {
    progress(
      `burst ${burst}/${settings.bursts}: ${BURST.count} page views at once, answers ${BURST.delayMs} ms late`,
    );
    for (const { id } of contestants)
      samples.bursts[id].push(await measureBurst(browser, server, { path: `/${id}-sends.html`, ...BURST }));
  }
} finally {
  await browser.close();
  await server.close();
}

// --- figures -------------------------------------------------------------------------------------

const pick = (list, key) => list.map((sample) => sample[key]);
const ours = contestants.filter(({ role }) => role === 'ours');
const references = contestants.filter(({ role }) => role !== 'ours');
/** Each of ours divided by each reference: `{ ours: { alloy: 0.8, bare: 1.2 } }`. */
const ratiosOf = (row) =>
  Object.fromEntries(
    ours.map(({ id }) => [
      id,
      Object.fromEntries(
        references.map((reference) => [
          reference.id,
          ratio(row.figures[id]?.value, row.figures[reference.id]?.value),
        ]),
      ),
    ]),
  );
/** Issue 13's goals: our figure within `max` times the bare fetch's, measured in the same run. */
const checkGoals = (list) =>
  list
    .filter((row) => row.goal)
    .map((row) => {
      const measured = row.ratios.ours?.bare;
      return {
        id: row.goal.id,
        label: row.label,
        max: row.goal.max,
        ratio: measured,
        met: measured <= row.goal.max,
      };
    });
const minus = (values, offset) => values.map((value) => value - offset);
const sampled = (values) => {
  const summary = summarize(values);
  return { value: summary.median, ...summary };
};
const exact = (value) => ({ value });
const perContestant = (figure, list = libraries) =>
  Object.fromEntries(list.map(({ id }) => [id, figure(id)]));
const perEveryone = (figure) => perContestant(figure, contestants);

const baselineTask = median(pick(samples.baseline, 'taskMs'));
const baselineScript = median(pick(samples.baseline, 'scriptMs'));
const baselineBlocking = median(pick(samples.baseline, 'blockingMs'));
const baselineLongTasks = median(pick(samples.baseline, 'longTasks'));
const baselineSlowLongTasks = median(pick(samples.baselineSlow, 'longTasks'));
const baselineSlowScript = median(pick(samples.baselineSlow, 'scriptMs'));
const baselineSlowTask = median(pick(samples.baselineSlow, 'taskMs'));
const baselineSlowBlocking = median(pick(samples.baselineSlow, 'blockingMs'));
const sizes = Object.fromEntries(
  libraries.map((contestant) => [contestant.id, measureSizes(scripts[contestant.id])]),
);
const allSends = (id, key) => samples.sends[id].flatMap((round) => round[key]);
const slow = `${settings.cpuSlowdown}× CPU slowdown`;
// The table's groups of rows, each named once.
const coldGroup = `Cold load, no throttling (N = ${settings.runs} each)`;
const coldSlowGroup = `Cold load, ${slow} (N = ${settings.runs} each)`;
const loadedGroup = `One page view on a loaded page (${settings.rounds} × ${sendsPerRound} sends each)`;
const burstGroup = `${BURST.count} page views called at once, each answer ${BURST.delayMs} ms late (N = ${settings.bursts} each)`;
const visitGroups = {
  first: `First page of a visit: fresh context, configure + 1 page view (N = ${settings.coldVisits} each)`,
  later: `A later page of the same visit: cookies and storage present (N = ${settings.coldVisits} each)`,
};
const coldOf = (id, page, key) => samples.cold[id].map((visit) => visit[page][key]);
/** The cold table (its own docs block): the same four rows for each page of the visit. */
const coldRows = VISIT_PAGES.flatMap((page) => {
  const row = (label, key, goal) => ({
    table: 'cold',
    group: visitGroups[page],
    label,
    unit: 'ms',
    decimals: 2,
    stat: 'median',
    ...(goal && page === 'first' ? { goal } : {}),
    figures: perEveryone((id) => sampled(coldOf(id, page, key))),
  });
  return [
    row('synchronous part of configure + page view (blocks the caller)', 'syncMs', {
      id: 'coldSync',
      max: 2,
    }),
    row('call → request leaves', 'leftMs'),
    row('main-thread time, call → answer', 'taskMs', { id: 'coldTask', max: 1.5 }),
    row('call → answer', 'answerMs'),
  ];
});

const rows = [
  {
    group: 'Script size',
    label: 'minified',
    unit: 'B',
    decimals: 0,
    stat: 'exact',
    figures: perContestant((id) => exact(sizes[id].minified)),
  },
  {
    group: 'Script size',
    label: 'gzip -9',
    unit: 'B',
    decimals: 0,
    stat: 'exact',
    figures: perContestant((id) => exact(sizes[id].gzip)),
  },
  {
    group: 'Script size',
    label: 'brotli -q 11',
    unit: 'B',
    decimals: 0,
    stat: 'exact',
    figures: perContestant((id) => exact(sizes[id].brotli)),
  },
  {
    group: coldGroup,
    label: 'script evaluation, script alone (main-thread script time)',
    unit: 'ms',
    decimals: 1,
    stat: 'median',
    figures: perContestant((id) => sampled(minus(pick(samples.evaluate[id], 'scriptMs'), baselineScript))),
  },
  {
    group: coldGroup,
    label: 'script time added by install + configure + 1 page view',
    unit: 'ms',
    decimals: 1,
    stat: 'median',
    figures: perContestant((id) => sampled(minus(pick(samples.view[id], 'scriptMs'), baselineScript))),
  },
  {
    group: coldGroup,
    label: 'long tasks (≥ 50 ms) on the page',
    unit: '',
    decimals: 0,
    stat: 'median',
    figures: perContestant((id) => sampled(pick(samples.view[id], 'longTasks'))),
  },
  {
    group: coldGroup,
    label: 'Total Blocking Time added',
    unit: 'ms',
    decimals: 0,
    stat: 'median',
    figures: perContestant((id) => sampled(minus(pick(samples.view[id], 'blockingMs'), baselineBlocking))),
  },
  {
    group: coldGroup,
    label: 'navigation start → page-view request leaves',
    unit: 'ms',
    decimals: 0,
    stat: 'median',
    figures: perContestant((id) => sampled(pick(samples.view[id], 'firstSendMs'))),
  },
  {
    group: coldSlowGroup,
    label: 'script time added by install + configure + 1 page view',
    unit: 'ms',
    decimals: 0,
    stat: 'median',
    figures: perContestant((id) =>
      sampled(minus(pick(samples.viewSlow[id], 'scriptMs'), baselineSlowScript)),
    ),
  },
  {
    group: coldSlowGroup,
    label: 'long tasks (≥ 50 ms) on the page',
    unit: '',
    decimals: 0,
    stat: 'median',
    figures: perContestant((id) => sampled(pick(samples.viewSlow[id], 'longTasks'))),
  },
  {
    group: coldSlowGroup,
    label: 'Total Blocking Time added',
    unit: 'ms',
    decimals: 0,
    stat: 'median',
    figures: perContestant((id) =>
      sampled(minus(pick(samples.viewSlow[id], 'blockingMs'), baselineSlowBlocking)),
    ),
  },
  {
    group: coldSlowGroup,
    label: 'navigation start → page-view request leaves',
    unit: 'ms',
    decimals: 0,
    stat: 'median',
    figures: perContestant((id) => sampled(pick(samples.viewSlow[id], 'firstSendMs'))),
  },
  {
    group: loadedGroup,
    label: 'call → request leaves, median',
    unit: 'ms',
    decimals: 2,
    stat: 'median',
    goal: { id: 'leave', max: 1.5 },
    figures: perEveryone((id) => sampled(allSends(id, 'leftAfter'))),
  },
  {
    group: loadedGroup,
    label: 'call → request leaves, p95',
    unit: 'ms',
    decimals: 2,
    stat: 'p95',
    figures: perEveryone((id) => exact(percentile(allSends(id, 'leftAfter'), 95))),
  },
  {
    group: loadedGroup,
    label: 'synchronous part of the call (blocks the caller), median',
    unit: 'ms',
    decimals: 2,
    stat: 'median',
    figures: perEveryone((id) => sampled(allSends(id, 'syncMs'))),
  },
  {
    group: loadedGroup,
    label: 'main-thread task time per page view, answer included (median of rounds)',
    unit: 'ms',
    decimals: 2,
    stat: 'median',
    goal: { id: 'task', max: 1.3 },
    figures: perEveryone((id) => sampled(pick(samples.sends[id], 'taskMsPerSend'))),
  },
  {
    group: burstGroup,
    label: 'the first request leaves after',
    unit: 'ms',
    decimals: 1,
    stat: 'median',
    figures: perEveryone((id) => sampled(pick(samples.bursts[id], 'firstLeftMs'))),
  },
  {
    group: burstGroup,
    label: 'the last request leaves after',
    unit: 'ms',
    decimals: 1,
    stat: 'median',
    goal: { id: 'burst', max: 3 },
    figures: perEveryone((id) => sampled(pick(samples.bursts[id], 'lastLeftMs'))),
  },
  {
    group: burstGroup,
    label: 'all answers settled after',
    unit: 'ms',
    decimals: 0,
    stat: 'median',
    figures: perEveryone((id) => sampled(pick(samples.bursts[id], 'settledMs'))),
  },
  {
    group: 'On the wire',
    label: 'requests, first page view of a new visitor',
    unit: '',
    decimals: 0,
    stat: 'exact',
    figures: perContestant((id) => exact(median(pick(samples.view[id], 'requests')))),
  },
  {
    group: 'On the wire',
    label: 'bytes sent, first page view (HTTP/1.1 headers + body)',
    unit: 'B',
    decimals: 0,
    stat: 'exact',
    figures: perContestant((id) => exact(median(pick(samples.view[id], 'bytesUp')))),
  },
  {
    group: 'On the wire',
    label: 'bytes received, first page view',
    unit: 'B',
    decimals: 0,
    stat: 'exact',
    figures: perContestant((id) => exact(median(pick(samples.view[id], 'bytesDown')))),
  },
  {
    group: 'On the wire',
    label: 'requests per later page view',
    unit: '',
    decimals: 2,
    stat: 'exact',
    figures: perEveryone((id) => exact(mean(pick(samples.sends[id], 'requestsPerSend')))),
  },
  {
    group: 'On the wire',
    label: 'bytes sent per later page view',
    unit: 'B',
    decimals: 0,
    stat: 'exact',
    figures: perEveryone((id) => exact(mean(pick(samples.sends[id], 'bytesUpPerSend')))),
  },
  {
    group: 'On the wire',
    label: 'bytes received per later page view',
    unit: 'B',
    decimals: 0,
    stat: 'exact',
    figures: perEveryone((id) => exact(mean(pick(samples.sends[id], 'bytesDownPerSend')))),
  },
  ...coldRows,
];

const failures = Object.fromEntries(
  contestants.map(({ id }) => [
    id,
    [...samples.sends[id], ...samples.bursts[id]].reduce((sum, round) => sum + round.failures, 0),
  ]),
);
// `performance.now()` is only fine-grained (5 µs, not 100 µs) on a cross-origin isolated page.
const isolated = contestants.every(({ id }) =>
  [...samples.sends[id], ...samples.bursts[id]].every((sample) => sample.crossOriginIsolated),
);
const cpuList = cpus();
/** The commit measured, and whether uncommitted changes were in the build too. */
function sourceRevision() {
  try {
    const git = (...gitArgs) =>
      execFileSync('git', gitArgs, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return {
      commit: git('rev-parse', '--short', 'HEAD'),
      uncommittedChanges: git('status', '--porcelain', '--', 'src', 'build').length > 0,
    };
  } catch {
    return { commit: 'unknown', uncommittedChanges: null };
  }
}
const result = {
  date: new Date().toISOString(),
  command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  durationSeconds: Math.round((Date.now() - started) / 1000),
  source: sourceRevision(),
  machine: {
    cpu: cpuList[0]?.model ?? 'unknown',
    cores: cpuList.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${process.platform} ${release()}`,
    node: process.version,
    chromium: browserVersion,
  },
  settings,
  contestants: contestants.map(({ id, role, label, file }) => ({ id, role, label, file, sizes: sizes[id] })),
  crossOriginIsolated: isolated,
  baseline: {
    taskMs: baselineTask,
    scriptMs: baselineScript,
    blockingMs: baselineBlocking,
    longTasks: baselineLongTasks,
    slowLongTasks: baselineSlowLongTasks,
    slowTaskMs: baselineSlowTask,
    slowScriptMs: baselineSlowScript,
    slowBlockingMs: baselineSlowBlocking,
  },
  // Every cold load's raw figures, for anyone who wants another statistic than the table's.
  loads: {
    baseline: samples.baseline,
    baselineSlow: samples.baselineSlow,
    evaluate: samples.evaluate,
    view: samples.view,
    viewSlow: samples.viewSlow,
  },
  bursts: samples.bursts,
  // Every cold visit's raw figures, per contestant: `{ first: {…}, later: {…} }`.
  cold: samples.cold,
  failedSends: failures,
  rows: rows.map((row) => ({ ...row, ratios: ratiosOf(row) })),
};
result.goals = checkGoals(result.rows);

const table = formatTable(result);
const coldTable = formatTable(result, 'cold');
const { machine } = result;
console.log(`\n${table}\n\n${coldTable}\n`);
console.log(
  `Medians with [p25–p75]; "added" is over the same page without a library (median script ${baselineScript.toFixed(1)} ms, ` +
    `${baselineLongTasks} long tasks, TBT ${baselineBlocking.toFixed(0)} ms; at ${settings.cpuSlowdown}×: ${baselineSlowLongTasks} long tasks, TBT ${baselineSlowBlocking.toFixed(0)} ms).`,
);
console.log(
  `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}, Chromium ${machine.chromium}; ${result.durationSeconds} s.`,
);
for (const goal of result.goals)
  console.log(
    `goal ${goal.met ? 'met' : 'NOT MET'}: ${goal.label}, ours ÷ bare fetch = ${Number.isFinite(goal.ratio) ? goal.ratio.toFixed(2) : '—'}× (at most ${goal.max}×)`,
  );
if (!isolated)
  console.log('warning: a bench page was not cross-origin isolated: performance.now() is coarse');
for (const [id, count] of Object.entries(failures))
  if (count) console.log(`warning: ${count} ${id} page views failed`);
mkdirSync(dirname(resolve(args.out)), { recursive: true });
writeFileSync(args.out, `${JSON.stringify({ ...result, table, coldTable }, null, 2)}\n`);
progress(`wrote ${args.out}`);
if (args.publish || args['update-docs']) {
  const source = args.publish ? publishResult('.', args.out) : args.out;
  const changed = await updateDocs('.', source);
  progress(`${args.publish ? `published ${source}; ` : ''}docs: ${changed.join(', ') || 'unchanged'}`);
}
