import { describe, expect, it, vi } from 'vitest';
import { resolveConfig } from '../../../../src/core/resolveConfig';
import { createDelivery } from '../../../../src/core/delivery/createDelivery';
import { soleOwnership } from '../../../../src/core/delivery/Ownership';
import { memoryStore, type BoundQueue } from '../../../../src/core/delivery/QueueStore';
import { EdgeCollectorError } from '../../../../src/core/EdgeCollectorError';
import type { InteractRequest } from '../../../../src/core/InteractRequest';
import { readEdgeAnswer } from '../../../../src/core/readEdgeAnswer';
import type { EdgeAnswer } from '../../../../src/core/Transport';

const request = (id: string): InteractRequest => ({
  requestId: id,
  eventId: `event-${id}`,
  url: 'https://edge.example/ee/v2/interact',
  headers: {},
  body: `{"event":{"xdm":{"_id":"event-${id}"}}}`,
});
const DROPPED = '1 queued event(s) were dropped: the queue was full';
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * A delivery whose store records the bounds asked of it and hands the test their `drop`, as the
 * tabs add-on does when another tab dropped one of this page's requests (its tombstone heard).
 */
function setup(answer: (req: InteractRequest) => Promise<EdgeAnswer>, online = () => true, maxAttempts = 2) {
  const inner = memoryStore();
  const puts: string[] = [];
  let drop!: (requestId: string) => void;
  const bound = vi.fn<BoundQueue>((...args) => ((drop = args[3]), inner.bound(...args)));
  const store = {
    ...inner,
    put: (entry: Parameters<typeof inner.put>[0]) => (puts.push(entry.request.requestId), inner.put(entry)),
    bound,
  };
  const delivery = createDelivery({
    config: resolveConfig({
      datastreamId: '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b',
      retryDelay: 0,
      maxAttempts,
    }),
    platform: { transport: answer, store, ownership: soleOwnership, online },
    handlers: { interact: { gated: true, read: readEdgeAnswer } },
    log: () => undefined,
  });
  return { delivery, bound, puts, store, drop: (id: string) => drop(id) };
}
const ok = (req: InteractRequest): EdgeAnswer => ({
  status: 200,
  body: JSON.stringify({ requestId: req.requestId, handle: [] }),
});

describe('createDelivery and the queue bounds of a site (issue 23, point 3)', () => {
  it('never asks for the bounds for a send that leaves at once unwritten; asks once it keeps one', async () => {
    let up = true;
    const { delivery, bound } = setup(
      async (req) => ok(req),
      () => up,
    );
    await delivery.send(request('answered'), []);
    expect(bound).not.toHaveBeenCalled();
    up = false;
    void delivery.send(request('offline'), []);
    await tick();
    expect(bound).toHaveBeenCalled();
  });

  it("rejects the caller of a request another tab dropped, and warns in this page's next result", async () => {
    let up = false;
    const { delivery, drop, store } = setup(
      async (req) => ok(req),
      () => up,
    );
    const waiting = delivery.send(request('x'), []);
    await tick();
    drop('x');
    await expect(waiting).rejects.toEqual(
      new EdgeCollectorError('queue-full', 'event event-x was dropped: the queue was full'),
    );
    expect(await store.all()).toEqual([]);
    up = true;
    await expect(delivery.send(request('y'), [])).resolves.toMatchObject({ warnings: [DROPPED] });
  });

  it("counts the drop of a closed page's request (its tombstone, no caller here) in the next result", async () => {
    let up = false;
    const { delivery, drop } = setup(
      async (req) => ok(req),
      () => up,
    );
    const kept = delivery.send(request('kept'), []);
    await tick();
    drop('left-by-a-closed-tab');
    up = true;
    delivery.wake();
    await expect(kept).resolves.toMatchObject({ requestId: 'kept', warnings: [DROPPED] });
  });

  it('lets a request in flight go on (only its stored copy went): a failure writes it again', async () => {
    const answers: Array<(failed?: boolean) => void> = [];
    const held = (req: InteractRequest) =>
      new Promise<EdgeAnswer>((resolve, reject) =>
        answers.push((failed) =>
          failed ? reject(new EdgeCollectorError('network', 'no answer')) : resolve(ok(req)),
        ),
      );
    const { delivery, drop, puts } = setup(held, () => true, 3);
    const sent = delivery.send(request('x'), []);
    // Failed once: written (the bounds are asked), and tried again.
    answers[0]!(true);
    await vi.waitFor(() => expect(answers).toHaveLength(2));
    expect(puts).toEqual(['x']);
    // Another tab drops it while this attempt is in flight: the caller is not told yet.
    drop('x');
    answers[1]!(true);
    await vi.waitFor(() => expect(answers).toHaveLength(3));
    expect(puts).toEqual(['x', 'x']);
    answers[2]!();
    await expect(sent).resolves.toMatchObject({ requestId: 'x', warnings: [] });
  });
});
