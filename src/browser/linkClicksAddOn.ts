import { ADD_ON_EVENT } from './loadAddOn';
import { attachLinkClicks } from './linkClicks/attachLinkClicks';

// The entry of `edge-collector.linkClicks.min.js`: hands `attachLinkClicks` to the standalone
// script, which loads it at `configure` unless `clickCollectionEnabled: false` (see createCommandApi).
dispatchEvent(new CustomEvent(ADD_ON_EVENT + 'linkClicks', { detail: attachLinkClicks }));
