import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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

describe('npm run sandbox (scripts/sandbox.mjs)', () => {
  let child: ChildProcess | undefined;
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });

  it('starts without the registry and listens on 127.0.0.1 only', async () => {
    for (const port of [3000, 4000])
      expect(await accepts('127.0.0.1', port), `port ${port} is already taken`).toBe(false);
    // An `npm` that fails and leaves a mark: the start-up must not need it.
    const bin = mkdtempSync(join(tmpdir(), 'no-npm-'));
    const mark = join(bin, 'npm-was-called');
    writeFileSync(join(bin, 'npm'), `#!/bin/sh\ntouch "${mark}"\nexit 1\n`);
    chmodSync(join(bin, 'npm'), 0o755);
    child = spawn(process.execPath, ['scripts/sandbox.mjs'], {
      cwd: ROOT,
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
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
});
