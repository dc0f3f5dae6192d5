import { queueStreamRecord } from '../core/streaming/queueStreamRecord';
import { STREAMING_READY_EVENT } from './loadStreaming';

// The entry of `edge-collector.streaming.min.js`: hands `queueStreamRecord` to the standalone
// script that inserted it (see loadStreaming), without a global of its own.
dispatchEvent(new CustomEvent(STREAMING_READY_EVENT, { detail: queueStreamRecord }));
