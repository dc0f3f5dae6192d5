// Plain JavaScript so that both the TypeScript tests and `node bench/run.mjs` can import it.

/** Where Debian's `chromium` package puts the browser (installed by `.ci/run`). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags for headless Chromium on this machine: no sandbox (root), no GPU, and none of the
 * background traffic that the closed network would refuse.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
