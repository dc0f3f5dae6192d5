// Every relative link in the README, CONTRIBUTING and docs/ points at a file that exists, and every
// `#anchor` at a heading of its page.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findBrokenLinks, headingId } from './findBrokenLinks';

const root = join(import.meta.dirname, '../../..');
const docs = readdirSync(join(root, 'docs'))
  .filter((name) => name.endsWith('.md'))
  .map((name) => `docs/${name}`);

describe('links in the docs', () => {
  for (const file of ['README.md', 'CONTRIBUTING.md', ...docs]) {
    it(`${file} has no broken relative link`, () => {
      expect(findBrokenLinks(root, file)).toEqual([]);
    });
  }

  it('README links every docs page', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(docs.filter((page) => !readme.includes(`(${page})`))).toEqual([]);
  });
});

describe('the link check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'links-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports a missing file, a missing heading and a path outside the repository', () => {
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs/a.md'), '# Page A\n\n## The `queue`, explained\n');
    writeFileSync(
      join(dir, 'README.md'),
      [
        '[ok](docs/a.md) [ok](docs/a.md#the-queue-explained) [ok](#intro) [web](https://example.com)',
        '# Intro',
        '[gone](docs/b.md) [no heading](docs/a.md#nothing) [out](../x.md)',
        '```',
        '[in code](nowhere.md)',
        '```',
      ].join('\n'),
    );
    expect(findBrokenLinks(dir, 'README.md')).toEqual([
      { file: 'README.md', line: 3, target: 'docs/b.md', reason: 'no such file: docs/b.md' },
      { file: 'README.md', line: 3, target: 'docs/a.md#nothing', reason: 'no heading with id "nothing"' },
      { file: 'README.md', line: 3, target: '../x.md', reason: 'points outside the repository' },
    ]);
  });

  it('makes heading ids the way GitHub does', () => {
    expect(headingId('Delivery that loses nothing')).toBe('delivery-that-loses-nothing');
    expect(headingId('Options (`configure`, or `createEdgeCollector`)')).toBe(
      'options-configure-or-createedgecollector',
    );
    expect(headingId('ES module & Node 20')).toBe('es-module--node-20');
    expect(headingId('Tags: action _Stream record_ and **bold**')).toBe('tags-action-stream-record-and-bold');
    expect(headingId('The `_id` and `max_attempts`')).toBe('the-_id-and-max_attempts');
  });
});
