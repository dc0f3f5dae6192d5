import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/startEmulator';
import { launchChromium } from '../../support/launchChromium';
import { machineLock } from '../../support/machineLock';
import { ROOT } from './packageExtension';

/** Resolves true when something accepts a TCP connection at host:port. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * A project folder as a user has it (extension.json, the built dist/, node_modules), in a
 * temporary place so that `init` does not overwrite a developer's own .sandbox/.
 */
function makeProject(): string {
  const project = mkdtempSync(join(tmpdir(), 'sandbox-project-'));
  copyFileSync(join(ROOT, 'extension.json'), join(project, 'extension.json'));
  // The same "type": "module" as this package: the reason Adobe's CommonJS container.js failed.
  copyFileSync(join(ROOT, 'package.json'), join(project, 'package.json'));
  symlinkSync(join(ROOT, 'dist'), join(project, 'dist'));
  symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'));
  return project;
}

describe('npm run sandbox (scripts/sandbox.mjs)', () => {
  let child: ChildProcess | undefined;
  let emulator: RunningEmulator;
  let browser: Browser | undefined;
  let project: string;
  let output = '';
  let release: (() => void) | undefined;

  // Adobe's sandbox listens on fixed ports (3000, 4000): a second `npm test` on this machine waits its turn.
  beforeAll(async () => {
    release = await machineLock('edge-collector-reactor-sandbox', 240_000);
    project = makeProject();
    emulator = await startEmulator({ seedDemo: true });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await emulator?.close();
    if (project) rmSync(project, { recursive: true, force: true });
    release?.();
  });

  it('init writes a container for this extension, pointed at the emulator, and the CommonJS marker', () => {
    const init = spawnSync(
      process.execPath,
      [join(ROOT, 'scripts/sandbox.mjs'), 'init', '--edge-url', emulator.origin],
      {
        cwd: project,
        encoding: 'utf8',
      },
    );
    expect(init.status, init.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(project, '.sandbox/package.json'), 'utf8'))).toEqual({
      type: 'commonjs',
    });
    const container = readFileSync(join(project, '.sandbox/container.js'), 'utf8');
    expect(container).toContain('edge-collector/dist/lib/actions/sendPageView.js');
    expect(container).toContain('edge-collector/dist/lib/events/edgeResponseReceived.js');
    expect(container).toContain(emulator.origin);
    // The default datastream is the demo datastream of `npm start`.
    expect(container).toContain(emulator.demo!.datastreamId);
    expect(existsSync(join(project, '.sandbox/libSandbox.html'))).toBe(true);
  });

  it('starts without the registry and listens on 127.0.0.1 only', async () => {
    for (const port of [3000, 4000])
      expect(await accepts('127.0.0.1', port), `port ${port} is already taken`).toBe(false);
    // An `npm` that fails and leaves a mark: the start-up must not need it.
    const bin = mkdtempSync(join(tmpdir(), 'no-npm-'));
    const mark = join(bin, 'npm-was-called');
    writeFileSync(join(bin, 'npm'), `#!/bin/sh\ntouch "${mark}"\nexit 1\n`);
    chmodSync(join(bin, 'npm'), 0o755);
    child = spawn(process.execPath, [join(ROOT, 'scripts/sandbox.mjs')], {
      cwd: project,
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Extension sandbox running')) resolve();
      };
      child!.stdout!.on('data', onData);
      child!.stderr!.on('data', onData);
      child!.once('exit', (code) => reject(new Error(`the sandbox exited (${code}): ${output}`)));
    });
    const status = await fetch('http://127.0.0.1:3000/status').then((response) => response.json());
    expect(status.latestVersion).toMatch(/^\d+\.\d+\.\d+$/);
    const view = await fetch('http://127.0.0.1:3000/extensionViews/edge-collector/0.1.0/configuration.html');
    expect(view.status).toBe(200);
    expect(existsSync(mark)).toBe(false);
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && address.family === 'IPv4' && !address.internal);
    if (outside) {
      expect(await accepts(outside.address, 3000)).toBe(false);
      expect(await accepts(outside.address, 4000)).toBe(false);
    }
  });

  it('serves the library page, whose page view reaches the emulator and whose Edge answer runs the rule', async () => {
    browser = await launchChromium();
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    const logged: string[] = [];
    page.on('console', (message) => logged.push(message.text()));
    // The sandbox builds the library on each load: seconds on a busy machine, so wait for it.
    const library = page.waitForResponse((response) => /\/launch-EN\w+\.js$/.test(response.url()), {
      timeout: 100_000,
    });
    await page.goto('https://127.0.0.1:4000/libSandbox.html', { timeout: 100_000 });
    expect((await library).status()).toBe(200);
    const storedEvents = async () =>
      JSON.stringify(await fetch(`${emulator.origin}/api/events`).then((response) => response.json()));
    await expect.poll(storedEvents, { timeout: 20_000 }).toContain('web.webpagedetails.pageViews');
    const text = await storedEvents();
    expect(text).toContain('web.webpagedetails.pageViews');
    expect(text).toContain('"siteSection":"sandbox"');
    await expect
      .poll(() => logged.some((line) => line.startsWith('Event object received by action')))
      .toBe(true);
  }, 150_000);
});
