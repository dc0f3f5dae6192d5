import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { RecordingServer } from './startRecordingServer';

/**
 * Serves built scripts from `dist/` at `/js/<file name>`, as a site would host the standalone
 * script and its add-ons side by side. Throws, naming the file, when the build has not run.
 */
export function serveBuiltScripts(site: RecordingServer, scripts: string[]): void {
  for (const script of scripts) {
    let body: Buffer;
    try {
      body = readFileSync(script);
    } catch {
      throw new Error(`${script} is missing: run \`npm run build\` first`);
    }
    site.serve(`/js/${basename(script)}`, 'text/javascript', body);
  }
}
