import { queueStreamRecord } from '../core/streaming/queueStreamRecord';
import { ADD_ON_EVENT } from './loadAddOn';

// The entry of `edge-collector.streaming.min.js`: hands `queueStreamRecord` to the standalone
// script that inserted it (see createCommandApi's `streamRecord`), without a global of its own.
dispatchEvent(new CustomEvent(ADD_ON_EVENT + 'streaming', { detail: queueStreamRecord }));
