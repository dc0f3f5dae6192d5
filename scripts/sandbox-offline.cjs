// Preloaded (`node -r`) into @adobe/reactor-sandbox by scripts/sandbox.mjs, so that the sandbox
// works on a machine without network and is reachable from this machine only. Nothing in
// node_modules is changed.
'use strict';

const { Buffer } = require('node:buffer');
const childProcess = require('node:child_process');
const net = require('node:net');
const path = require('node:path');

const LOOPBACK = '127.0.0.1';

// (a) The sandbox listens on every interface (`listen(3000)`); give each listen a loopback host.
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function listenOnLoopback(...args) {
  const [first, second] = args;
  if (first !== null && typeof first === 'object' && !Array.isArray(first) && first.path === undefined) {
    args[0] = { ...first, host: first.host ?? LOOPBACK };
  } else if (
    (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) &&
    typeof second !== 'string'
  ) {
    args.splice(1, 0, LOOPBACK);
  }
  return listen.apply(this, args);
};

// (b) Its start-up (and its /status page) asks the registry for the latest sandbox version with
// `npm view <package> version`. Answer from the installed package instead of the network.
const execSync = childProcess.execSync;
childProcess.execSync = function execSyncOffline(command, ...rest) {
  const match = typeof command === 'string' ? /^npm view (\S+) version$/.exec(command.trim()) : null;
  if (match) {
    const name = match[1];
    const manifest = require.resolve(`${name}/package.json`, {
      paths: [process.cwd(), path.dirname(require.resolve('@adobe/reactor-sandbox/package.json'))],
    });
    return Buffer.from(`${require(manifest).version}\n`);
  }
  return execSync.call(this, command, ...rest);
};
