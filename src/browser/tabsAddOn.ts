import { tabOwnership } from './delivery/tabOwnership';
import { ADD_ON_EVENT } from './loadAddOn';

// The entry of `edge-collector.tabs.min.js`: hands `tabOwnership` (cross-tab ownership: Web Locks,
// or leases without them) to the standalone script that inserted it, which loads it only when a
// page first stores a request or finds another page's leftovers (see createOwnership).
dispatchEvent(new CustomEvent(ADD_ON_EVENT + 'tabs', { detail: tabOwnership }));
