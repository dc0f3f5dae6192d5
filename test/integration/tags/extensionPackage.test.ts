import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, posix } from 'node:path';
import { promisify } from 'node:util';
import { Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageExtension, ROOT } from './packageExtension';

const require = createRequire(import.meta.url);
const manifest = JSON.parse(readFileSync(join(ROOT, 'extension.json'), 'utf8'));
const LIB_TYPES = ['actions', 'dataElements', 'events', 'conditions', 'sharedModules'] as const;
// The main module (run as the library loads) is a library module too.
const libPaths: string[] = [
  manifest.main,
  ...LIB_TYPES.flatMap((type) => (manifest[type] ?? []).map((item: { libPath: string }) => item.libPath)),
];
const REQUIRE_CALL = /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The files a library module reaches through relative requires, itself included (what Turbine will ask for). */
function reachable(start: string, seen = new Set<string>()): Set<string> {
  if (seen.has(start)) return seen;
  seen.add(start);
  for (const [, target] of readFileSync(join(ROOT, start), 'utf8').matchAll(REQUIRE_CALL)) {
    if (target!.startsWith('.'))
      reachable(posix.join(posix.dirname(start), target!.endsWith('.js') ? target! : `${target}.js`), seen);
  }
  return seen;
}

function listFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => posix.join(posix.relative(ROOT, entry.parentPath), entry.name));
}

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/lib')) || !existsSync(join(ROOT, 'dist/views')))
    throw new Error('build first: npm run build');
});

describe('the built extension', () => {
  it('passes reactor-validator (CLI, in the folder holding extension.json)', async () => {
    const { stdout } = await promisify(execFile)(join(ROOT, 'node_modules/.bin/reactor-validator'), [], {
      cwd: ROOT,
    });
    expect(stdout).toContain('The extension appears to be well-formed.');
  });

  it('passes reactor-validator (API)', () => {
    expect(require('@adobe/reactor-validator')(manifest)).toBeUndefined();
  });

  it('has library modules whose only requires are relative files or Turbine core modules', () => {
    const all = new Set(libPaths.flatMap((path) => [...reachable(path)]));
    for (const file of all) {
      for (const [, target] of readFileSync(join(ROOT, file), 'utf8').matchAll(REQUIRE_CALL)) {
        expect(
          target!.startsWith('./') || target!.startsWith('../') || target!.startsWith('@adobe/reactor-'),
          `${file} requires "${target}"`,
        ).toBe(true);
      }
    }
    // Every module shares one core chunk: the core ships once however many modules a property uses.
    for (const path of libPaths) expect([...reachable(path)]).toContain('dist/lib/core.js');
  });

  it('compiles the library to ES2017 (Tags minifies with a tool of its own)', () => {
    const linter = new Linter();
    for (const file of listFiles('dist/lib')) {
      const messages = linter.verify(readFileSync(join(ROOT, file), 'utf8'), {
        languageOptions: { ecmaVersion: 2017, sourceType: 'commonjs' },
      });
      expect(
        messages.filter((message) => message.fatal),
        file,
      ).toEqual([]);
    }
  });

  it('has a library module for every manifest entry and no module without one', () => {
    const reached = new Set(libPaths.flatMap((path) => [...reachable(path)]));
    expect(listFiles('dist/lib').sort()).toEqual([...reached].sort());
  });
});

describe('npm run package', () => {
  let zipName: string;
  let files: Map<string, Buffer>;
  beforeAll(async () => {
    ({ zipName, files } = await packageExtension());
  });

  it('writes package-edge-collector-<version>.zip', () => {
    expect(zipName).toBe(`package-edge-collector-${manifest.version}.zip`);
  });

  it('holds extension.json, the views, the icon and exactly the library files the manifest reaches', () => {
    const reached = [...new Set(libPaths.flatMap((path) => [...reachable(path)]))];
    const expected = ['extension.json', manifest.iconPath, ...listFiles('dist/views'), ...reached].sort();
    expect([...files.keys()].sort()).toEqual(expected);
    expect(JSON.parse(files.get('extension.json')!.toString('utf8'))).toEqual(manifest);
    expect([...files.keys()].filter((name) => name.endsWith('.map'))).toEqual([]);
  });
});
