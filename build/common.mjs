// Shared pieces of the rollup build: the version define and the TypeScript plugin settings.
import { readFileSync } from 'node:fs';
import replace from './replaceVersion.mjs';

/** package.json, read once for the version the runtime reports. */
export const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** Replaces `__LIBRARY_VERSION__` with the package version. */
export const versionPlugin = () => replace(pkg.version);

/** TypeScript options for a build; `target` differs between faces. */
export const typescriptOptions = (overrides = {}) => ({
  tsconfig: './tsconfig.json',
  include: ['src/**/*.ts', 'views/**/*.ts'],
  noEmit: false,
  // `npm run typecheck` is the type gate; one face's half-written file must not stop another face's build.
  noEmitOnError: false,
  ...overrides,
});

/**
 * The language level of the browser scripts: ES2020 keeps `?.` and `??` as they are (ES2019 spells
 * them out at every use) and runs in every browser released since early 2020.
 */
export const BROWSER_TARGET = 'ES2020';

/**
 * The browser scripts' source maps: written next to each script (`*.min.js.map`), but not named in it.
 * The `//# sourceMappingURL=` comment would cost every visitor 29 B gzip of the core script's budget
 * for a developer convenience; devtools take the map when it is added by hand (docs/standalone.md).
 */
export const BROWSER_SOURCEMAP = 'hidden';

/** Minifier settings shared by every standalone script, so that their sizes compare fairly. */
export const terserOptions = {
  ecma: 2020,
  compress: { passes: 2, unsafe_arrows: true },
  mangle: { properties: false },
  format: { comments: false },
};

/**
 * Properties of the delivery's inside that the core scripts and the tabs add-on both touch (a queued
 * entry's bookkeeping, `DeliveryCore`, `Recovery`, `Ownership.recovery`): the same short name in
 * both bundles, fixed here, so that either may be built alone. Upper-case letters: no property of
 * the collector, the page or the wire is one (a name here is never checked against them).
 */
const SHARED_PROPERTIES = [
  'inFlight',
  'stored',
  'saved',
  'backingOff',
  'tries',
  'handler',
  'owned',
  'late',
  'pause',
  'held',
  'handlerOf',
  'settle',
  'issue',
  'save',
  'retry',
  'take',
  'recovery',
];
const SHORT_NAMES = 'ABDEFGHJKLMNOPQRSTUVWXYZ';

/** Terser's mangling of the shared properties, for the core scripts (with their own) and the tabs add-on. */
const sharedMangle = (own = []) => ({
  // Terser adds the names it picks for the others (`own`) to it: the two core scripts share them.
  nameCache: {
    props: { props: Object.fromEntries(SHARED_PROPERTIES.map((name, i) => [`$${name}`, SHORT_NAMES[i]])) },
  },
  mangle: { properties: { regex: new RegExp(`^(${[...SHARED_PROPERTIES, ...own].join('|')})$`) } },
});

/** The tabs add-on's settings: the shared properties named as in the core script that lends it the delivery. */
export const tabsTerserOptions = { ...terserOptions, ...sharedMangle() };

/**
 * The core scripts' settings (the standalone, with or without vitals), whose byte budget is hard:
 * three passes, and short names for the delivery's and the event builder's own bookkeeping, the
 * platform's `attach` and the command API's `onConfigure` hook (never stored, never on the wire,
 * never seen by an add-on, which is a separate bundle).
 */
export const coreTerserOptions = {
  ...terserOptions,
  // `unsafe` and `unsafe_comps` only turn template literals into concatenations and flip
  // comparisons here (−8 B): no object with its own `valueOf` or `toString` reaches either, and
  // pickCommand names a command without `String()`, which `unsafe` would make `x + ""` (a Symbol
  // throws there). Not `module`: it drops "use strict", and sloppy mode hoists block functions.
  compress: {
    ...terserOptions.compress,
    passes: 3,
    pure_getters: true,
    keep_fargs: false,
    hoist_funs: true,
    unsafe: true,
    unsafe_comps: true,
  },
  // V8's explicit compile hint (Chromium 136+, https://v8.dev/blog/explicit-compile-hints): nearly
  // every function runs at `configure` and the first send, so compile them all with the script
  // (streamed off the main thread for an async script) rather than lazily inside the first call;
  // the cold bench's main-thread time from call to answer fell by a third. Other engines ignore it.
  format: { ...terserOptions.format, preamble: '//# allFunctionsCalledOnLoad' },
  ...sharedMangle([
    'notes',
    'reply',
    'done',
    'keep',
    'requestMeta',
    'storeState',
    'snapshot',
    'timezoneOffset',
    'viewport',
    'pageView',
    'implementation',
    'online',
    'notify',
    'wake',
    'flush',
    'createConsentCommand',
    'digest',
    'warning',
    'compose',
    'hashed',
    'hashEmail',
    'attach',
    'onConfigure',
  ]),
};
