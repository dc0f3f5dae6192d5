import type { Platform } from '../../../src/core/createCollector';
import type { InteractRequest } from '../../../src/core/InteractRequest';
import type { EdgeAnswer } from '../../../src/core/Transport';
import { inMemory } from '../../../src/core/delivery/inMemory';

/** An empty Edge Network answer to `request`. */
const emptyAnswer = (request: InteractRequest): EdgeAnswer => ({
  status: 200,
  body: JSON.stringify({ requestId: request.requestId, handle: [] }),
});

/**
 * A platform for the core's unit tests: a fixed page snapshot, a transport that records every
 * request and answers with `answer`, and a log kept in `logs`.
 */
export function recordingPlatform(
  answer: (request: InteractRequest) => EdgeAnswer | Promise<EdgeAnswer> = emptyAnswer,
) {
  const sent: InteractRequest[] = [];
  const logs: unknown[][] = [];
  const platform: Platform = {
    ...inMemory(),
    snapshot: () => ({
      now: new Date('2026-11-23T12:00:00.000Z'),
      timezoneOffset: 0,
      environment: 'browser',
      url: 'https://shop.example/',
      title: 'Shop',
    }),
    transport: async (request) => {
      sent.push(request);
      return answer(request);
    },
    log: (...args) => logs.push(args),
  };
  return { platform, sent, logs };
}
