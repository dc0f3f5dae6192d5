import { resolveConfig } from '../core/resolveConfig';
import { ADD_ON_EVENT } from './loadAddOn';

// The entry of `edge-collector.messages.min.js`: every configuration check with the texts that say
// what to fix, loaded only when `configure` is refused by the core's own checks or gives a setting
// that the core leaves unchecked (see createCommandApi), so that pages configured with the usual
// settings never download it.
dispatchEvent(new CustomEvent(ADD_ON_EVENT + 'messages', { detail: resolveConfig }));
