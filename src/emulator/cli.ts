import { EMULATOR_BIN, parseCliArgs, USAGE } from './parseCliArgs';
import { readFileSync } from 'node:fs';
import { readFaultsFile } from './faults/readFaultsFile';
import { createSelfSignedCertificate } from './http/createSelfSignedCertificate';
import type { CliOptions } from './parseCliArgs';
import { startEmulator } from './startEmulator';

/** The key and certificate of `--https`: the given files, or a self-signed pair kept in the data folder. */
function readTls(options: CliOptions) {
  if (!options.https) return undefined;
  if (options.tlsKeyFile && options.tlsCertFile)
    return { key: readFileSync(options.tlsKeyFile, 'utf8'), cert: readFileSync(options.tlsCertFile, 'utf8') };
  return createSelfSignedCertificate(options.dataDir);
}

// `edge-collector-emulator` (`npx edge-collector-emulator`): starts the emulator, prints where everything is, and closes
// cleanly (store flushed) on Ctrl+C or SIGTERM.
async function main() {
  let options;
  try {
    options = parseCliArgs(process.argv.slice(2), process.env);
  } catch (error) {
    console.error(`${EMULATOR_BIN}: ${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const time = () => new Date().toISOString().slice(11, 23);
  let emulator;
  try {
    emulator = await startEmulator({
      port: options.port,
      dataDir: options.dataDir,
      seedDemo: options.seedDemo,
      devMode: options.devMode,
      datastreamsFile: options.datastreamsFile,
      faults: options.faultsFile ? readFaultsFile(options.faultsFile) : undefined,
      tls: readTls(options),
      log: options.quiet ? undefined : (line) => console.log(`${time()} ${line}`),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'EADDRINUSE'
        ? `port ${options.port} is in use: stop the other process or pass --port <n> (0 takes a free port)`
        : (error as Error).message;
    console.error(`${EMULATOR_BIN}: ${message}`);
    process.exit(1);
  }
  const { origin, demo } = emulator;
  const lines = [
    '',
    `Edge emulator listening on ${origin}   (development and tests only; production goes to Adobe's Edge Network)`,
    `  Inspector        ${origin}/`,
    `  Edge Network     POST ${origin}/ee/v2/interact?datastreamId=<id>   (edgeUrl: "${origin}"; alloy edgeDomain: "localhost:${emulator.port}" with --https)`,
    `  Consent          POST ${origin}/ee/v1/privacy/set-consent?configId=<id>`,
    `  Flow Service     ${origin}/data/foundation/flowservice/…`,
    `  Faults           POST ${origin}/api/faults   (${options.faultsFile ? `armed from ${options.faultsFile}` : 'none armed'})`,
    `  Stored events    GET ${origin}/api/events   (data in ${emulator.dataDir}${options.devMode ? '; --dev: any datastream id is accepted' : ''})`,
  ];
  if (demo) {
    lines.push(
      `  Demo site        ${origin}/demo/`,
      `  Demo datastream  ${demo.datastreamId}`,
      `  XDM inlet        ${demo.xdmInlet.inletUrl}   (x-adobe-flow-id: ${demo.xdmInlet.flowId})`,
      `  Raw inlet        ${demo.rawInlet.inletUrl}   (x-adobe-flow-id: ${demo.rawInlet.flowId}, mapping ${demo.rawInlet.mappingId})`,
    );
  }
  lines.push('', 'Press Ctrl+C to stop.', '');
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${time()} ${signal}: closing`);
    emulator.close().then(
      () => process.exit(0),
      (error) => {
        console.error(`${EMULATOR_BIN}: could not close cleanly: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main();
