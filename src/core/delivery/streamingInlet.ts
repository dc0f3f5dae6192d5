import { readQueuedAnswer } from '../streaming/readQueuedAnswer';
import type { RequestHandler } from './RequestHandler';

/**
 * The handler of streaming inlet requests (`kind: 'streaming'`): the body goes as built, and the
 * inlet's own answer (a receipt, no handles) is read. Lives outside the core script: the streaming
 * add-on passes it with each record, and registers it for records a page left queued.
 */
export const streamingInlet: RequestHandler = { gated: true, read: readQueuedAnswer };
