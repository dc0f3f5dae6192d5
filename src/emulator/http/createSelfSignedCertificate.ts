import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A self-signed certificate for `--https`, for `localhost`, `*.localhost`, `127.0.0.1` and `::1`, made once in
 * `<dataDir>/tls/` with the system's `openssl` (Node's crypto makes keys but not X.509
 * certificates) and reused on later starts. Browsers must be told to trust it (or, in tests,
 * Chromium started with `--ignore-certificate-errors`).
 */
export function createSelfSignedCertificate(dataDir: string): { key: string; cert: string } {
  const folder = join(dataDir, 'tls');
  const keyFile = join(folder, 'localhost-key.pem');
  const certFile = join(folder, 'localhost-cert.pem');
  if (!existsSync(keyFile) || !existsSync(certFile)) {
    mkdirSync(folder, { recursive: true });
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-days',
          '365',
        ]
          .concat([
            '-subj',
            '/CN=localhost',
            '-addext',
            'subjectAltName=DNS:localhost,DNS:*.localhost,IP:127.0.0.1,IP:::1',
          ])
          .concat(['-keyout', keyFile, '-out', certFile]),
        { stdio: 'pipe' },
      );
    } catch (error) {
      throw new Error(
        `--https needs openssl to make a certificate (${(error as Error).message.split('\n')[0]}); install it (apt-get install openssl) or pass --tls-key and --tls-cert`,
        { cause: error },
      );
    }
  }
  return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') };
}
