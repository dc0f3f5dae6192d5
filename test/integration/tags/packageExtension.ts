import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { readZip } from './readZip';

/** The project root (where extension.json lives). */
export const ROOT = join(import.meta.dirname, '../../..');

/**
 * Runs Adobe's packager on the built extension (the second half of `npm run package`; the build is
 * `npm test`'s first step) into a temporary folder, and returns the zip's name and files.
 */
export async function packageExtension(): Promise<{ zipName: string; files: Map<string, Buffer> }> {
  const out = mkdtempSync(join(tmpdir(), 'edge-collector-package-'));
  const bin = join(ROOT, 'node_modules/.bin/reactor-packager');
  await promisify(execFile)(bin, ['-o', out], { cwd: ROOT });
  const [zipName] = readdirSync(out).filter((file) => file.endsWith('.zip'));
  if (!zipName) throw new Error(`the packager wrote no zip into ${out}`);
  return { zipName, files: readZip(readFileSync(join(out, zipName))) };
}
