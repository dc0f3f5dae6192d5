// The add-ons of the standalone script, loaded from its folder on first use (src/browser/loadAddOn.ts:
// each is inserted in a task after the call that asks for it), so that pages that never need them
// never download them (the core script's size budget has no room):
// - dist/edge-collector.streaming.min.js: `edgeCollector("streamRecord", …)`;
// - dist/edge-collector.consent.min.js: the consent standards and the `privacy/set-consent` request,
//   on the first decision to post (see src/browser/loadConsentCommand.ts);
// - dist/edge-collector.linkClicks.min.js: automatic link tracking, and the state cookie writer of
//   the state add-on (one script for both on a default page), loaded at `configure` unless
//   `clickCollectionEnabled: false` (see src/browser/createCommandApi.ts).
// - dist/edge-collector.tabs.min.js: cross-tab ownership (Web Locks, or leases without them), loaded
//   when a page first stores a request or finds another page's leftovers (src/browser/delivery/createOwnership.ts).
// - dist/edge-collector.state.min.js: the Edge Network's state as cookies on the registrable domain,
//   loaded at `configure`, beside the first request, where link tracking is off or its add-on
//   cannot load: every answer sets state
//   (src/browser/createCommandApi.ts, src/browser/delivery/stateCookies.ts).
// - dist/edge-collector.messages.min.js: every configuration check with the texts of `invalid-config`
//   errors, loaded only when the core refuses a configuration or leaves one of its settings
//   unchecked (src/browser/createCommandApi.ts).
// - dist/edge-collector.sha256.min.js: SHA-256 for a page without WebCrypto (plain `http:`), loaded
//   with its first e-mail address (src/browser/hashEmailInPage.ts).
// - dist/edge-collector.identity.min.js: `appendIdentityToUrl`, and the ECID of a page opened with
//   `adobe_mc`, loaded at `configure` only on such a page (src/browser/identityAddOn.ts).
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import {
  BROWSER_SOURCEMAP,
  BROWSER_TARGET,
  tabsTerserOptions,
  terserOptions,
  typescriptOptions,
  versionPlugin,
} from './common.mjs';
import { shareCore } from './shareCore.mjs';

export default ['streaming', 'consent', 'linkClicks', 'tabs', 'state', 'messages', 'sha256', 'identity'].map(
  (name) => ({
    input: `src/browser/${name}AddOn.ts`,
    output: {
      file: `dist/edge-collector.${name}.min.js`,
      format: 'iife',
      sourcemap: BROWSER_SOURCEMAP,
      plugins: [terser(name === 'tabs' ? tabsTerserOptions : terserOptions)],
    },
    // shareCore first: the core's modules are taken from the core script, not bundled again.
    plugins: [
      shareCore(),
      versionPlugin(),
      nodeResolve(),
      typescript(typescriptOptions({ target: BROWSER_TARGET })),
    ],
  }),
);
