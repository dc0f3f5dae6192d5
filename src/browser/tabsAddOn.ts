import { siteTabs } from './delivery/siteTabs';
import { ADD_ON_EVENT } from './loadAddOn';

// The entry of `edge-collector.tabs.min.js`: hands `siteTabs` (cross-tab ownership: Web Locks, or
// leases without them; and the site's queue bounds) to the standalone script that inserted it,
// which loads it only when a page first keeps a request or finds another page's leftovers (see
// createOwnership and browserDelivery).
dispatchEvent(new CustomEvent(ADD_ON_EVENT + 'tabs', { detail: siteTabs }));
