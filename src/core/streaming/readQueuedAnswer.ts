import type { InteractRequest } from '../InteractRequest';
import type { SendResult } from '../readEdgeAnswer';
import type { EdgeAnswer } from '../Transport';
import { readStreamingAnswer, type StreamResult } from './readStreamingAnswer';
import type { StreamingRequest } from './StreamingRequest';

/** A send result that carries a streaming inlet's receipt. */
export type StreamedSendResult = SendResult & { receipt: StreamResult };

/**
 * Reads the inlet's answer to a queued streaming request as the delivery's result: the receipt in
 * `receipt`, with no handles. The delivery hands each kind of request to its own handler, so this
 * never sees an interact request (and the streaming add-on carries no Edge Network reader).
 * Throws, as readStreamingAnswer does, for a refusal.
 */
export function readQueuedAnswer(
  request: InteractRequest,
  answer: EdgeAnswer,
  warnings?: string[],
): SendResult {
  const receipt = readStreamingAnswer(request as StreamingRequest, answer, warnings);
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
