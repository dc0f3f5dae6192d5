import { describe, expect, it } from 'vitest';
import {
  createCollectorSharedModule,
  type CollectorSharedModule,
} from '../../../../src/tags/sharedModules/createCollectorSharedModule';
import { FLOW_ID, INLET_URL } from '../../core/streaming/fixtures';
import { fakePage } from '../fakePage';

const noOtherInstance = (name: string): never => {
  throw new Error(`no instance ${name} in this test`);
};
const STORE = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';
const BRAND = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

describe('shared module collector', () => {
  it("gives the first instance's collector, and another instance's by name", async () => {
    const settings = {
      instances: [
        { name: 'store', productionDatastreamId: STORE },
        { name: 'brand', productionDatastreamId: BRAND },
      ],
    };
    const sharedOf = (name?: string): CollectorSharedModule =>
      createCollectorSharedModule(fakePage(settings, 'production', undefined, name).page, sharedOf);
    const shared = sharedOf();
    expect(shared.getCollector()!.config.datastreamId).toBe(STORE);
    expect(shared.instance('brand').getCollector()!.config.datastreamId).toBe(BRAND);
    await expect(shared.instance('gone').sendEvent({ eventType: 'x' })).rejects.toMatchObject({
      code: 'not-configured',
    });
  });

  it('gives the same page collector to other extensions and custom code', async () => {
    const { page } = fakePage();
    const shared = createCollectorSharedModule(page, noOtherInstance);
    await expect(shared.sendEvent({ eventType: 'x' })).resolves.toMatchObject({ requestId: 'req-event' });
    expect(shared.getCollector()).toBe(page.getCollector());
    expect(page.lastRequestId()).toBe('req-event');
  });

  it('streams a record through the page collector', async () => {
    const { page, created } = fakePage();
    const shared = createCollectorSharedModule(page, noOtherInstance);
    page.getCollector();
    created[0]!.collector.deliver.mockResolvedValueOnce({
      requestId: 'r-1',
      eventId: 'rec-1',
      handle: [],
      warnings: [],
      receipt: { inletId: 'i-1', xactionId: 'x-1', receivedTimeMs: 1 },
    });
    const receipt = shared.streamRecord({
      inletUrl: INLET_URL,
      flowId: FLOW_ID,
      dataType: 'raw',
      record: { a: 1 },
    });
    await receipt.catch(() => undefined);
    expect(created[0]!.collector.deliver).toHaveBeenCalledTimes(1);
    const [request] = created[0]!.collector.deliver.mock.calls[0]!;
    expect((request as { url: string }).url).toContain('/collection/');
  });

  it('rejects (never throws) while the configuration is invalid', async () => {
    const { page } = fakePage({});
    const shared = createCollectorSharedModule(page, noOtherInstance);
    await expect(shared.sendPageView()).rejects.toMatchObject({ code: 'not-configured' });
    await expect(shared.streamRecord({} as never)).rejects.toMatchObject({ code: 'not-configured' });
    expect(shared.onResult(() => undefined)).toBeTypeOf('function');
  });
});
