import type { CoreCollector } from '../core/createCollector';
import { createStateCookieWriter, type StateWriter } from './delivery/writeStateCookies';
import { ADD_ON_EVENT } from './loadAddOn';
import { attachLinkClicks } from './linkClicks/attachLinkClicks';
import { logToConsole } from './logToConsole';

/**
 * What the link-click add-on offers the standalone script: link tracking for its collector, logged
 * as its debug says, and (`write`) the state cookie writer of the state add-on, so that a default
 * page (link tracking on) loads one add-on script at `configure`, not two.
 */
export type LinkClicksAddOn = ((collector: CoreCollector, options: unknown) => void) & { write: StateWriter };

const attach = (collector: CoreCollector, options: unknown) =>
  void attachLinkClicks(collector, options as never, collector.config.debug ? logToConsole : undefined);

// The entry of `edge-collector.linkClicks.min.js`: hands link tracking and the cookie writer to the
// standalone script, which loads it at `configure` unless `clickCollectionEnabled: false` (see createCommandApi).
const detail: LinkClicksAddOn = Object.assign(attach, { write: createStateCookieWriter() });
dispatchEvent(new CustomEvent(ADD_ON_EVENT + 'linkClicks', { detail }));
