import type { InteractRequest } from '../InteractRequest';
import { readEdgeAnswer, type SendResult } from '../readEdgeAnswer';
import type { EdgeAnswer } from '../Transport';
import { readStreamingAnswer, type StreamResult } from './readStreamingAnswer';
import type { StreamingRequest } from './StreamingRequest';

/** A send result that carries a streaming inlet's receipt. */
export type StreamedSendResult = SendResult & { receipt: StreamResult };

/** True for a request built by `streamRecord` (also after a trip through the persistent queue). */
export function isStreamingRequest(request: InteractRequest): request is StreamingRequest {
  return request.kind === 'streaming';
}

/**
 * Reads the answer to any queued request, so that one delivery queue carries both kinds: the Edge
 * Network's `handle` for an interact request, the inlet's receipt (in `receipt`, with no handles)
 * for a streaming one. Throws, as the readers do, for a refusal.
 */
export function readQueuedAnswer(
  request: InteractRequest,
  answer: EdgeAnswer,
  warnings?: string[],
): SendResult {
  if (!isStreamingRequest(request)) return readEdgeAnswer(request, answer, warnings);
  const receipt = readStreamingAnswer(request, answer, warnings);
  const result: StreamedSendResult = {
    requestId: request.requestId,
    eventId: request.eventId,
    handle: [],
    warnings: receipt.warnings,
    receipt,
  };
  return result;
}

/**
 * The receipt of a streamed record from what the delivery resolved with; a record that was not
 * sent (consent out) gets an empty receipt, with the delivery's warning saying why.
 */
export function receiptOf(result: SendResult): StreamResult {
  const { receipt } = result as Partial<StreamedSendResult>;
  return (
    receipt ?? {
      inletId: '',
      xactionId: '',
      receivedTimeMs: 0,
      requestId: result.requestId,
      recordId: result.eventId,
      warnings: result.warnings,
    }
  );
}
