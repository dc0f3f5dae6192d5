// The package as a user gets it: packed with `npm pack`, linted by publint and attw, installed into a
// fresh project (consumer/), type-checked under every module resolution, run, bundled, and its bin run
// from node_modules/.bin.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from './run';

const root = join(import.meta.dirname, '../../..');
const bin = (name: string) => join(root, 'node_modules/.bin', name);
let work: string;
let tarball: string;
let consumer: string;

/** `npm pack` into `dir`; returns the tarball's path. */
async function pack(dir: string, into: string): Promise<string> {
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', into], { cwd: dir });
  return join(into, (JSON.parse(stdout) as [{ filename: string }])[0].filename);
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'edge-collector-package-'));
  tarball = await pack(root, work);
  consumer = join(work, 'consumer');
  cpSync(join(import.meta.dirname, 'consumer'), consumer, { recursive: true });
  writeFileSync(
    join(consumer, 'package.json'),
    '{ "name": "consumer", "private": true, "type": "module" }\n',
  );
  // @types/node at the version the repository uses, so that the install finds it in npm's cache.
  const typesNode = JSON.parse(readFileSync(join(root, 'node_modules/@types/node/package.json'), 'utf8'));
  await run(
    'npm',
    ['install', tarball, `@types/node@${typesNode.version}`, '--prefer-offline', '--no-audit', '--no-fund'],
    { cwd: consumer },
  );
}, 300_000);
afterAll(() => work && rmSync(work, { recursive: true, force: true }));

// Each step runs a whole tool (tsc, attw, npm): minutes, not seconds, on a busy two-core machine.
const SLOW = { timeout: 240_000 };

describe('the packed tarball', SLOW, () => {
  it('passes publint with no error, warning or suggestion', async () => {
    const { messages, pkg } = await publint({
      pack: { tarball: new Uint8Array(readFileSync(tarball)).buffer },
      strict: true,
    });
    expect(messages.map((message) => formatMessage(message, pkg))).toEqual([]);
  });

  // An ES-module-only package resolves to ESM from CommonJS too (Node ≥ 20.19 require()s it): the one
  // rule left out is attw's note that says so.
  const attw = (file: string) => run(bin('attw'), [file, '--ignore-rules', 'cjs-resolves-to-esm']);

  it('has types that resolve under node10, node16 (ESM and CJS) and bundler (attw)', async () => {
    await expect(attw(tarball)).resolves.toMatchObject({
      stdout: expect.stringContaining('No problems found'),
    });
  });

  it('attw fails a package whose declarations use extensionless relative imports', async () => {
    const broken = join(work, 'broken');
    mkdirSync(broken);
    await run('tar', ['-xzf', tarball, '-C', broken]);
    const dist = join(broken, 'package/dist');
    writeFileSync(join(dist, 'edge-collector.d.ts'), "export * from './types/index';\n");
    mkdirSync(join(dist, 'types'), { recursive: true });
    writeFileSync(join(dist, 'types/index.d.ts'), 'export declare const version: string;\n');
    await expect(attw(await pack(join(broken, 'package'), broken))).rejects.toThrow(
      /InternalResolutionError|resolution error/i,
    );
  });
});

describe('an installed copy', SLOW, () => {
  for (const mode of ['nodenext', 'node16']) {
    it(`type-checks under moduleResolution ${mode}, then runs: the emulator and a page view sent to it`, async () => {
      await run(
        process.execPath,
        [join(root, 'node_modules/typescript/bin/tsc'), '-p', `tsconfig.${mode}.json`],
        {
          cwd: consumer,
        },
      );
      const { stdout } = await run(process.execPath, [`out/${mode}/nodeApp.js`], { cwd: consumer });
      const { requestId, stored, configError } = JSON.parse(stdout);
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(stored.events).toEqual([
        expect.objectContaining({ requestId, eventType: 'web.webpagedetails.pageViews' }),
      ]);
      expect(configError).toBe('invalid-config');
    });
  }

  it('type-checks under moduleResolution bundler and bundles with esbuild, tree-shaken', async () => {
    await run(
      process.execPath,
      [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.bundler.json'],
      {
        cwd: consumer,
      },
    );
    const bundle = async (entryPoints: string[] | { in: string; out: string }[], stdin?: string) => {
      const result = await build({
        ...(stdin ? { stdin: { contents: stdin, resolveDir: consumer } } : { entryPoints }),
        absWorkingDir: consumer,
        bundle: true,
        minify: true,
        format: 'esm',
        platform: 'browser',
        write: false,
        logLevel: 'silent',
      });
      return result.outputFiles[0]!.contents;
    };
    const pageView = await bundle(['pageView.ts']);
    const everything = await bundle([], "export * from 'edge-collector';");
    const gzip = (bytes: Uint8Array) => gzipSync(bytes, { level: 9 }).length;
    console.info(
      `createEdgeCollector + sendPageView bundled by esbuild: ${pageView.length} B minified, ${gzip(pageView)} B gzip -9`,
    );
    // web-vitals comes only with attachWebVitals, which this page does not import.
    expect(new TextDecoder().decode(pageView)).not.toContain('largest-contentful-paint');
    expect(new TextDecoder().decode(everything)).toContain('largest-contentful-paint');
    expect(gzip(pageView)).toBeLessThan(gzip(everything));
  });

  it('runs its bin, edge-collector-emulator, from node_modules/.bin', async () => {
    const child = spawn(
      join(consumer, 'node_modules/.bin/edge-collector-emulator'),
      ['--port', '0', '--dev', '--quiet', '--data-dir', join(work, 'emulator-data')],
      { cwd: consumer, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const origin = await new Promise<string>((resolve, reject) => {
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk;
          const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
          if (match) resolve(match[1]!);
        });
        child.stderr.on('data', (chunk: Buffer) => (output += chunk));
        void exited.then((code) =>
          reject(new Error(`the bin exited (${code}) before listening:\n${output}`)),
        );
      });
      const inspector = await fetch(`${origin}/`);
      expect(inspector.status).toBe(200);
      expect(await inspector.text()).toContain('inspector');
      expect(await (await fetch(`${origin}/api/events`)).json()).toMatchObject({ count: 0 });
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
