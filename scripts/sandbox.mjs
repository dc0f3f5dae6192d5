// `npm run sandbox`: starts Adobe's extension sandbox (views on http://127.0.0.1:3000, the library
// page on https://127.0.0.1:4000) offline and bound to loopback, through scripts/sandbox-offline.cjs.
// Extra arguments go to the sandbox.
//
// `npm run sandbox -- init [--edge-url <url>] [--datastream <id>]` writes, instead of Adobe's empty
// template, a container for this extension (.sandbox/container.js): a page-view rule, an "Edge
// response received" rule that logs the answer, and the local emulator as Edge URL (default
// http://127.0.0.1:4100 and the demo datastream of `npm start`). It also writes
// .sandbox/package.json `{"type": "commonjs"}`: Adobe's container.js is CommonJS, and under this
// project's `"type": "module"` the sandbox cannot load it (its library page answers 500).
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const preload = fileURLToPath(new URL('./sandbox-offline.cjs', import.meta.url));
const cli = require.resolve('@adobe/reactor-sandbox/src/cli.js');
const SANDBOX_DIR = '.sandbox';

/** The emulator of `npm start` (src/emulator/parseCliArgs.ts) and its demo datastream (src/emulator/seedDemo.ts). */
const DEFAULTS = { 'edge-url': 'http://127.0.0.1:4100', datastream: 'de300000-5eed-4000-8000-00000000d001' };

/** The container the library page runs: this extension configured for the emulator, and two rules. */
function containerFor({ edgeUrl, datastreamId, extensionName }) {
  return {
    rules: [
      {
        name: 'Page view',
        events: [{ modulePath: 'sandbox/pageTop.js', settings: {} }],
        actions: [
          {
            modulePath: `${extensionName}/dist/lib/actions/sendPageView.js`,
            settings: { name: 'Sandbox page', xdm: { web: { webPageDetails: { siteSection: 'sandbox' } } } },
          },
        ],
      },
      {
        name: 'Edge answered',
        events: [{ modulePath: `${extensionName}/dist/lib/events/edgeResponseReceived.js`, settings: {} }],
        actions: [{ modulePath: 'sandbox/logEventInfo.js', settings: {} }],
      },
    ],
    dataElements: {
      'last request id': {
        modulePath: `${extensionName}/dist/lib/dataElements/lastRequestId.js`,
        settings: {},
      },
    },
    extensions: {
      [extensionName]: {
        displayName: 'Edge Collector',
        settings: {
          productionDatastreamId: datastreamId,
          edgeUrl,
          edgeBasePath: 'ee',
          debug: true,
          webVitals: false,
        },
      },
    },
    company: { orgId: 'EDGECOLLECTORDEMO0000000@AdobeOrg' },
    property: {
      name: 'Sandbox property',
      settings: {
        id: 'PR12345',
        domains: ['127.0.0.1', 'localhost'],
        undefinedVarsReturnEmpty: false,
        ruleComponentSequencingEnabled: true,
      },
    },
    buildInfo: {
      turbineVersion: '28.1.0',
      turbineBuildDate: '2024-01-01T00:00:00Z',
      buildDate: '2024-01-01T00:00:00Z',
    },
    environment: { id: 'EN00000000000000000000000000000000', stage: 'development' },
  };
}

/** Writes `.sandbox/package.json`, so that the sandbox can `require` the CommonJS container. */
function writeCommonJsMarker() {
  mkdirSync(SANDBOX_DIR, { recursive: true });
  writeFileSync(join(SANDBOX_DIR, 'package.json'), `${JSON.stringify({ type: 'commonjs' })}\n`);
}

/** `init`: the container for this extension, Adobe's library page, and the CommonJS marker. */
function init(args) {
  const { values } = parseArgs({
    args,
    options: { 'edge-url': { type: 'string' }, datastream: { type: 'string' } },
  });
  const edgeUrl = values['edge-url'] ?? DEFAULTS['edge-url'];
  const datastreamId = values.datastream ?? DEFAULTS.datastream;
  const { name: extensionName } = JSON.parse(readFileSync('extension.json', 'utf8'));
  writeCommonJsMarker();
  const container = containerFor({ edgeUrl, datastreamId, extensionName });
  writeFileSync(
    join(SANDBOX_DIR, 'container.js'),
    `// Written by \`npm run sandbox -- init\`; edit freely (the sandbox reads it on every library load).\nmodule.exports = ${JSON.stringify(container, null, 2)};\n`,
  );
  const template = join(dirname(cli), 'client/initFiles/libSandbox.html');
  copyFileSync(template, join(SANDBOX_DIR, 'libSandbox.html'));
  console.log(
    `Wrote ${SANDBOX_DIR}/container.js (Edge URL ${edgeUrl}, datastream ${datastreamId}), libSandbox.html and package.json.\n` +
      'Start the emulator (npm start), then npm run sandbox, and open https://127.0.0.1:4000/libSandbox.html.',
  );
}

const [task, ...rest] = process.argv.slice(2);
if (task === 'init') {
  init(rest);
} else {
  // A .sandbox/ written by Adobe's own init (or before this script wrote the marker) needs it too.
  if (existsSync(SANDBOX_DIR)) writeCommonJsMarker();
  const child = spawn(process.execPath, ['-r', preload, cli, ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
