/** The command line of `node dist/emulator/cli.js`, read. */
export interface CliOptions {
  port: number;
  dataDir: string;
  seedDemo: boolean;
  devMode: boolean;
  datastreamsFile?: string;
  quiet: boolean;
  help: boolean;
}

/** What `--help` prints. */
export const USAGE = `Usage: node dist/emulator/cli.js [options]

  --port <n>            port on 127.0.0.1 (default: $PORT or 4100; 0 takes a free port)
  --data-dir <dir>      where events and configuration are kept (default: ./.emulator-data)
  --seed-demo           create the demo datastream, inlets, flows and mapping, and serve /demo/
  --dev                 accept any datastream id, creating it on first use
  --datastreams <file>  JSON file: {"datastreams": [{"id": "<uuid>", "name"?: "...", "orgId"?: "..."}]}
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
  return options;
}
