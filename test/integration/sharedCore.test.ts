import { readFileSync, readdirSync } from 'node:fs';
import { eachMapping, TraceMap } from '@jridgewell/trace-mapping';
import { describe, expect, it } from 'vitest';

const dist = new URL('../../dist/', import.meta.url);

/** The lines of our sources a built script carries, as `file:line`, each with its text. */
function sourceLines(file: string): Map<string, string> {
  const map = new TraceMap(readFileSync(new URL(`${file}.map`, dist), 'utf8'));
  const lines = new Map<string, string>();
  eachMapping(map, ({ source, originalLine }) => {
    if (!source || originalLine === null || source.includes('node_modules')) return;
    const index = map.resolvedSources.indexOf(source);
    const text = map.sourcesContent?.[index]?.split('\n')[originalLine - 1] ?? '';
    lines.set(`${source.replace(/^.*?\/src\//, 'src/')}:${originalLine}`, text.trim());
  });
  return lines;
}

// Issue 22: an add-on borrows the core script's modules (src/browser/lendToAddOns.ts) instead of
// carrying copies. What it may copy is a one-line `export const`: a constant or a one-line helper,
// cheaper to copy than to lend (each loan costs the core bytes on every page).
describe('the add-ons carry no copy of the core script', () => {
  const core = sourceLines('edge-collector.min.js');
  const addOns = readdirSync(dist).filter(
    (name) => /^edge-collector\.\w+\.min\.js$/.test(name) && !name.includes('.vitals.'),
  );

  it('finds the add-ons and their source maps', () => {
    expect(addOns).toEqual(
      expect.arrayContaining(['edge-collector.messages.min.js', 'edge-collector.tabs.min.js']),
    );
    expect(core.size).toBeGreaterThan(100);
  });

  it.each(addOns)('%s shares with the core only one-line constants and helpers', (addOn) => {
    const shared = [...sourceLines(addOn)].filter(([line]) => core.has(line));
    const copied = shared.filter(([, text]) => !/^export const \w+ = .*;$/.test(text));
    expect(copied, `${addOn} copies code of the core: lend it (lendToAddOns.ts)`).toEqual([]);
  });
});
