import type { queueStreamRecord } from '../core/streaming/queueStreamRecord';
import { ADD_ON_EVENT, loadAddOn } from './loadAddOn';

/** The window event the streaming add-on announces itself with; its `detail` is `queueStreamRecord`. */
export const STREAMING_READY_EVENT = ADD_ON_EVENT + 'streaming';

/** Loads the streaming add-on (`edge-collector.streaming.min.js`) once per page; see loadAddOn. */
export const loadStreaming = (scriptSrc: string | undefined) =>
  loadAddOn<typeof queueStreamRecord>(scriptSrc, 'streaming');
