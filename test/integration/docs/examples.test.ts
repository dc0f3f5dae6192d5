// Every code example in the README and docs/ that a reader would paste is run, so that it can never
// drift from the API: ```js run as an ES module in Node, ```html run-in-browser and ```js
// run-in-browser in a page in Chromium with the standalone script. Both talk to a real emulator; the
// markers and placeholders are in CONTRIBUTING.md, "Runnable examples".
import { execFile } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transform } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../../src/emulator/startEmulator';
import { launchChromium } from '../../support/launchChromium';
import { serveBuiltScripts } from '../../support/serveBuiltScripts';
import { startRecordingServer, type RecordingServer } from '../../support/startRecordingServer';
import { CODE_LANGUAGES, EXAMPLE_MODES, readExamples, type CodeExample } from './readExamples';

const root = join(import.meta.dirname, '../../..');
const pages = ['README.md', ...readdirSync(join(root, 'docs')).map((name) => `docs/${name}`)].filter((file) =>
  file.endsWith('.md'),
);
const examples = pages.flatMap((file) =>
  readExamples(join(root, file)).map((example) => ({ ...example, file })),
);
const marked = (mode: string) => examples.filter((example) => example.mode === mode);
const name = ({ file, line }: CodeExample) => `${file}:${line}`;

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator;
let work: string;

/** What a run puts in place of the placeholders an example may use (the list in CONTRIBUTING.md). */
function fillPlaceholders(code: string): string {
  const demo = emulator.demo!;
  return code
    .replaceAll('YOUR-DATASTREAM-ID', demo.datastreamId)
    .replaceAll('YOUR-INLET-ID', demo.xdmInlet.inletId)
    .replaceAll('YOUR-FLOW-ID', demo.xdmInlet.flowId);
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seedDemo: true });
  work = mkdtempSync(join(tmpdir(), 'doc-examples-'));
  // `import … from 'edge-collector'` finds this repository's package (its built dist/), as an install would.
  mkdirSync(join(work, 'node_modules'));
  symlinkSync(root, join(work, 'node_modules/edge-collector'), 'dir');
});
afterAll(async () => {
  await emulator?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('code examples in the README and docs/', () => {
  it('each say how they run: run, run-in-browser or no-run (CONTRIBUTING.md)', () => {
    const unmarked = examples.filter(
      ({ language, mode }) => CODE_LANGUAGES.includes(language) && !EXAMPLE_MODES.includes(mode as never),
    );
    expect(unmarked.map(name)).toEqual([]);
  });

  it('are found: at least one of each kind that runs', () => {
    expect(marked('run').length).toBeGreaterThan(0);
    expect(marked('run-in-browser').length).toBeGreaterThan(0);
  });
});

/** Runs an ES module in Node with Adobe's hosts pointed at the emulator; rejects with its output when it fails. */
async function runInNode(example: CodeExample, index: number): Promise<string> {
  const source = fillPlaceholders(example.code);
  const code = example.language.startsWith('t')
    ? (await transform(source, { loader: 'ts', format: 'esm' })).code
    : source;
  const file = join(work, `example-${index}.mjs`);
  writeFileSync(file, code);
  const prelude = join(import.meta.dirname, 'examplePrelude.mjs');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', prelude, file],
      { cwd: work, env: { ...process.env, EXAMPLE_EMULATOR_ORIGIN: emulator.origin }, timeout: 60_000 },
      (error, stdout, stderr) =>
        error
          ? reject(new Error(`${name(example)} failed: ${error.message}\n${stdout}\n${stderr}`))
          : resolve(stdout),
    );
  });
}

describe('ES-module examples, run in Node against the emulator', () => {
  marked('run').forEach((example, index) => {
    it(`${name(example)} runs`, async () => {
      const before = await storedCount();
      await runInNode(example, index);
      // Every ES-module example sends (or starts its own emulator, which leaves this one alone).
      if (!/startEmulator/.test(example.code)) expect(await storedCount()).toBeGreaterThan(before);
    });
  });
});

async function storedCount(): Promise<number> {
  const answer = (await (await fetch(`${emulator.origin}/api/events?limit=1`)).json()) as { total: number };
  return answer.total;
}

/**
 * A page that tracks the promise of every `edgeCollector(…)` call, the snippet's and the script's
 * alike, so that the test can wait for them all: the example runs exactly as written.
 */
const TRACK_CALLS = `
  window.__calls = [];
  let current;
  const track = (fn) => fn && new Proxy(fn, { apply(target, self, args) {
    const result = Reflect.apply(target, self, args);
    window.__calls.push(Promise.resolve(result).then(() => ({ ok: true }), (error) => ({ ok: false, args: JSON.stringify(args[0]), error: String(error && error.message) })));
    return result;
  } });
  Object.defineProperty(window, 'edgeCollector', { configurable: true, get: () => current, set: (fn) => { current = track(fn); } });
`;

/**
 * The page for an example: an HTML example as it is; a script example after the documented snippet
 * and, unless it configures the collector itself, the README's `configure`.
 */
function examplePage(example: CodeExample): string {
  const code = fillPlaceholders(example.code).replaceAll(
    '/path/to/edge-collector.min.js',
    '/js/edge-collector.min.js',
  );
  const head = (content: string) =>
    `<!doctype html><html><head><title>Example</title>${content}</head><body></body></html>`;
  if (example.language === 'html') return head(code);
  const snippet = readFileSync(join(root, 'src/browser/snippet.js'), 'utf8');
  const configure = code.includes("'configure'")
    ? ''
    : fillPlaceholders("edgeCollector('configure', { datastreamId: 'YOUR-DATASTREAM-ID' });");
  return head(
    `<script>${snippet}${configure}</script><script>${code}</script><script async src="/js/edge-collector.min.js"></script>`,
  );
}

describe('standalone-script examples, run in Chromium against the emulator', () => {
  let browser: Browser;
  let site: RecordingServer;
  beforeAll(async () => {
    [browser, site] = await Promise.all([launchChromium(), startRecordingServer()]);
    serveBuiltScripts(
      site,
      ['min', 'consent.min', 'streaming.min', 'linkClicks.min', 'tabs.min', 'state.min'].map(
        (file) => `dist/edge-collector.${file}.js`,
      ),
    );
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  marked('run-in-browser').forEach((example, index) => {
    it(`${name(example)} runs, and every edgeCollector(…) call resolves`, async () => {
      const context = await browser.newContext();
      try {
        // Adobe's hosts, pointed at the emulator (the request and its answer are the emulator's own).
        await context.route(/^https:\/\/(edge|dcs)\.adobedc\.net\//, async (route) => {
          const url = route
            .request()
            .url()
            .replace(/^https:\/\/[^/]+/, emulator.origin);
          await route.fulfill({ response: await route.fetch({ url }) });
        });
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        await page.addInitScript(TRACK_CALLS);
        site.serve(`/example-${index}.html`, 'text/html', examplePage(example));
        await page.goto(`${site.origin}/example-${index}.html`);
        // Replayed once the script has loaded: wait for it, then for every call made until then.
        await page.waitForFunction(
          () => (window as { edgeCollector?: { q?: unknown } }).edgeCollector?.q === undefined,
        );
        const outcomes = await page.evaluate(() =>
          Promise.all((window as unknown as { __calls: Promise<unknown>[] }).__calls),
        );
        expect(outcomes.filter((outcome) => !(outcome as { ok: boolean }).ok)).toEqual([]);
        expect(outcomes.length).toBeGreaterThan(0);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
});
