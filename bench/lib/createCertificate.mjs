// A throwaway self-signed TLS certificate for the bench's made-up hosts, made by the emulator's
// own maker (built into dist/ by `npm run bench`, which builds first).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSelfSignedCertificate } from '../../dist/emulator/startEmulator.js';

/**
 * Makes a one-day self-signed certificate for `hosts` with the system's `openssl`. Alloy only
 * talks HTTPS, so both libraries get the same local TLS server; Chromium is told to accept it.
 */
export function createCertificate(hosts) {
  const dir = mkdtempSync(join(tmpdir(), 'edge-bench-tls-'));
  try {
    return createSelfSignedCertificate(dir, { hosts, days: 1 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
