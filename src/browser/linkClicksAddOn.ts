import type { CoreCollector } from '../core/createCollector';
import { ADD_ON_EVENT } from './loadAddOn';
import { attachLinkClicks } from './linkClicks/attachLinkClicks';
import { logToConsole } from './logToConsole';

/** What the link-click add-on offers the standalone script: link tracking for its collector, logged as its debug says. */
export type LinkClicksAddOn = (collector: CoreCollector, options: unknown) => void;

const attach: LinkClicksAddOn = (collector, options) =>
  void attachLinkClicks(collector, options as never, collector.config.debug ? logToConsole : undefined);

// The entry of `edge-collector.linkClicks.min.js`: hands link tracking to the standalone script,
// which loads it at `configure` unless `clickCollectionEnabled: false` (see createCommandApi).
dispatchEvent(new CustomEvent(ADD_ON_EVENT + 'linkClicks', { detail: attach }));
