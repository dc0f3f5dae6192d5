/** The emulator's command, as the package's `bin` names it. */
export const EMULATOR_BIN = 'edge-collector-emulator';

/** The command line of `edge-collector-emulator` (dist/emulator/cli.js), read. */
export interface CliOptions {
  port: number;
  dataDir: string;
  seedDemo: boolean;
  devMode: boolean;
  datastreamsFile?: string;
  /** `--faults <file>`: faults armed from the start. */
  faultsFile?: string;
  /** `--https`: serve HTTPS (a self-signed certificate unless `--tls-key`/`--tls-cert` are given). */
  https: boolean;
  tlsKeyFile?: string;
  tlsCertFile?: string;
  quiet: boolean;
  help: boolean;
}

/** What `--help` prints. */
export const USAGE = `Usage: ${EMULATOR_BIN} [options]
       npx ${EMULATOR_BIN} [options]    (in a project that installed edge-collector)

  --port <n>            port on 127.0.0.1 (default: $PORT or 4100; 0 takes a free port)
  --data-dir <dir>      where events and configuration are kept (default: ./.emulator-data)
  --seed-demo           create the demo datastream, inlets, flows and mapping, and serve /demo/
  --dev                 accept any datastream id, creating it on first use
  --datastreams <file>  JSON file: {"datastreams": [{"id": "<uuid>", "name"?: "...", "orgId"?: "..."}]}
  --faults <file>       JSON file: {"faults": [{"endpoint": "interact", "fault": 429, "times"?: 1, "retryAfter"?: 1}]}
                        (fault: 207, 429, 503, "delay", "drop"; see docs/emulator.md, "Fault injection")
  --https               serve HTTPS with a self-signed certificate for localhost (made with openssl,
                        kept in <data-dir>/tls/), as Adobe's Web SDK calls only https:// endpoints
  --tls-key <file>      with --https: your own PEM key (and --tls-cert <file>)
  --quiet               do not log each accepted or refused request
  --help                show this text`;

/**
 * Reads the command line and the `PORT` variable; throws an error with a clear message on a bad
 * or unknown option.
 */
export function parseCliArgs(argv: string[], env: Record<string, string | undefined> = {}): CliOptions {
  const options: CliOptions = {
    port: 4100,
    dataDir: './.emulator-data',
    seedDemo: false,
    devMode: false,
    https: false,
    quiet: false,
    help: false,
  };
  const readPort = (text: string | undefined, from: string) => {
    const port = Number(text);
    if (text === undefined || !/^\d+$/.test(text) || port > 65535)
      throw new Error(`${from} must be a port number from 0 to 65535, not ${JSON.stringify(text ?? '')}`);
    return port;
  };
  if (env.PORT !== undefined && env.PORT !== '') options.port = readPort(env.PORT, 'PORT');
  for (let index = 0; index < argv.length; index += 1) {
    const [flag, inline] = argv[index]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      const next = argv[index + 1];
      if (next === undefined || next.startsWith('--')) throw new Error(`${flag} needs a value`);
      index += 1;
      return next;
    };
    switch (flag) {
      case '--port':
        options.port = readPort(value(), '--port');
        break;
      case '--data-dir':
        options.dataDir = value();
        break;
      case '--datastreams':
        options.datastreamsFile = value();
        break;
      case '--faults':
        options.faultsFile = value();
        break;
      case '--https':
        options.https = true;
        break;
      case '--tls-key':
        options.tlsKeyFile = value();
        break;
      case '--tls-cert':
        options.tlsCertFile = value();
        break;
      case '--seed-demo':
        options.seedDemo = true;
        break;
      case '--dev':
        options.devMode = true;
        break;
      case '--quiet':
        options.quiet = true;
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new Error(`unknown option ${flag}`);
    }
  }
  if ((options.tlsKeyFile === undefined) !== (options.tlsCertFile === undefined))
    throw new Error('--tls-key and --tls-cert go together');
  return options;
}
