import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { RecordingServer } from './startRecordingServer';

/** The standalone script and every add-on it loads from its own folder, as a site deploys them. */
export const STANDALONE_SCRIPTS = [
  'dist/edge-collector.min.js',
  'dist/edge-collector.consent.min.js',
  'dist/edge-collector.linkClicks.min.js',
  'dist/edge-collector.tabs.min.js',
  'dist/edge-collector.state.min.js',
  'dist/edge-collector.streaming.min.js',
  'dist/edge-collector.messages.min.js',
  'dist/edge-collector.sha256.min.js',
  'dist/edge-collector.identity.min.js',
];

/**
 * Serves built scripts from `dist/` at `{folder}/<file name>`, as a site would host the standalone
 * script and its add-ons side by side. Throws, naming the file, when the build has not run.
 */
export function serveBuiltScripts(site: RecordingServer, scripts: string[], folder = '/js'): void {
  for (const script of scripts) {
    let body: Buffer;
    try {
      body = readFileSync(script);
    } catch {
      throw new Error(`${script} is missing: run \`npm run build\` first`);
    }
    site.serve(`${folder}/${basename(script)}`, 'text/javascript', body);
  }
}
