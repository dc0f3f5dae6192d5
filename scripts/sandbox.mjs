// `npm run sandbox`: starts Adobe's extension sandbox (views on http://127.0.0.1:3000, the library
// page on https://127.0.0.1:4000) offline and bound to loopback, through scripts/sandbox-offline.cjs.
// Extra arguments go to the sandbox, e.g. `npm run sandbox -- init`.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const preload = fileURLToPath(new URL('./sandbox-offline.cjs', import.meta.url));
const cli = require.resolve('@adobe/reactor-sandbox/src/cli.js');

const child = spawn(process.execPath, ['-r', preload, cli, ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
