import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EMULATOR_BIN, parseCliArgs, USAGE } from '../../../src/emulator/parseCliArgs';

describe('the emulator command line', () => {
  it('names the command a user runs, the package bin, in its usage text', () => {
    const { bin } = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> };
    expect(bin[EMULATOR_BIN]).toBe('dist/emulator/cli.js');
    expect(USAGE.split('\n')[0]).toBe(`Usage: ${EMULATOR_BIN} [options]`);
    expect(USAGE).toContain(`npx ${EMULATOR_BIN}`);
    expect(USAGE).not.toContain('node dist/');
  });

  it('refuses an unknown option with a clear message', () => {
    expect(() => parseCliArgs(['--nope'])).toThrow(/--nope/);
  });
});
