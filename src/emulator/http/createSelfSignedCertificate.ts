import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';

/** What a certificate is for and how long it lasts. */
export interface CertificateOptions {
  /** Host names (`*.` wildcards too) and IP addresses; the first is its common name. */
  hosts?: string[];
  days?: number;
}

/** The names `--https` serves: `localhost`, `*.localhost`, `127.0.0.1` and `::1`. */
export const LOCAL_HOSTS = ['localhost', '*.localhost', '127.0.0.1', '::1'];

/**
 * A self-signed certificate for `hosts` (default {@link LOCAL_HOSTS}, as `--https` needs), made
 * once in `<dataDir>/tls/` with the system's `openssl` (Node's crypto makes keys but not X.509
 * certificates) and reused on later starts. Browsers must be told to trust it (or, in tests and
 * the bench, Chromium started with `--ignore-certificate-errors`).
 */
export function createSelfSignedCertificate(
  dataDir: string,
  { hosts = LOCAL_HOSTS, days = 365 }: CertificateOptions = {},
): { key: string; cert: string } {
  const folder = join(dataDir, 'tls');
  const name = hosts[0]!.replace(/[^\w.-]/g, '_');
  const keyFile = join(folder, `${name}-key.pem`);
  const certFile = join(folder, `${name}-cert.pem`);
  if (!existsSync(keyFile) || !existsSync(certFile)) {
    mkdirSync(folder, { recursive: true });
    const altNames = hosts.map((host) => (isIP(host) ? `IP:${host}` : `DNS:${host}`)).join(',');
    try {
      execFileSync(
        'openssl',
        ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']
          .concat([
            '-days',
            String(days),
            '-subj',
            `/CN=${hosts[0]}`,
            '-addext',
            `subjectAltName=${altNames}`,
          ])
          .concat(['-keyout', keyFile, '-out', certFile]),
        { stdio: 'pipe' },
      );
    } catch (error) {
      throw new Error(
        `a self-signed certificate needs openssl (${(error as Error).message.split('\n')[0]}); install it (apt-get install openssl), or pass --tls-key and --tls-cert to the emulator`,
        { cause: error },
      );
    }
  }
  return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') };
}
