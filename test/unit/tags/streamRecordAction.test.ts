import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InteractRequest } from '../../../src/core/InteractRequest';
import type { RequestHandler } from '../../../src/core/delivery/RequestHandler';
import { resetTagsCollector } from '../../../src/tags/getTagsCollector';
import { readStreamRecordSettings } from '../../../src/tags/readStreamRecordSettings';
import { streamRecordAction } from '../../../src/tags/streamRecordAction';
import { fakeTurbine } from './fakeTurbine';
import { FLOW_ID, INLET_URL, SCHEMA_ID } from '../core/streaming/fixtures';

// The page collector is a fake whose delivery answers every request with an inlet receipt (or `answer`).
const fake = vi.hoisted(() => ({
  requests: [] as unknown[],
  answer: { status: 200, body: '{"inletId":"i-1","xactionId":"1:2:3","receivedTimeMs":4}' },
}));
vi.mock('../../../src/browser/createBrowserCollector', () => ({
  createBrowserCollector: (config: unknown) => ({
    config,
    onResult: () => () => true,
    deliver: async (request: InteractRequest, warnings: string[], handler: RequestHandler) => {
      fake.requests.push(request);
      return handler.read(request, fake.answer, warnings);
    },
  }),
}));

beforeEach(() => {
  resetTagsCollector();
  fake.requests.length = 0;
});
afterEach(() => vi.restoreAllMocks());

const settings = {
  inletUrl: INLET_URL,
  flowId: FLOW_ID,
  dataType: 'xdm',
  schemaId: SCHEMA_ID,
  datasetId: 'ds-1',
  record: { _id: 'p-1', personalEmail: { address: 'ada@example.com' } },
  pageView: false,
  emailFields: 'personalEmail.address, workEmail.address',
  hashEmails: true,
};

describe('readStreamRecordSettings', () => {
  it('turns the saved settings into streamRecord options', () => {
    expect(
      readStreamRecordSettings({
        ...settings,
        schemaContentType: ' ',
        hashEmails: 'true',
        pageView: 'false',
      }),
    ).toEqual({
      inletUrl: INLET_URL,
      flowId: FLOW_ID,
      dataType: 'xdm',
      schemaRef: { id: SCHEMA_ID, contentType: undefined },
      datasetId: 'ds-1',
      record: settings.record,
      pageView: false,
      emailFields: ['personalEmail.address', 'workEmail.address'],
      hashEmails: true,
    });
  });

  it('hashes by default when the setting was never saved', () => {
    expect(readStreamRecordSettings({}).hashEmails).toBe(true);
    expect(readStreamRecordSettings({ hashEmails: false }).hashEmails).toBe(false);
  });
});

describe('Stream record action', () => {
  it('streams through the page collector and logs the receipt', async () => {
    const { turbine, logger } = fakeTurbine();
    await expect(streamRecordAction(turbine)(settings)).resolves.toBeUndefined();
    expect(fake.requests).toHaveLength(1);
    const body = JSON.parse((fake.requests[0] as InteractRequest).body);
    expect(body.header).toEqual({
      schemaRef: { id: SCHEMA_ID, contentType: 'application/vnd.adobe.xed-full-notext+json; version=1.0' },
      flowId: FLOW_ID,
      datasetId: 'ds-1',
    });
    expect(body.body.xdmEntity.personalEmail).toEqual({});
    expect(body.body.xdmEntity.identityMap.Email_LC_SHA256[0].id).toMatch(/^[0-9a-f]{64}$/);
    expect(logger.log).toHaveBeenCalledWith(
      'Stream record: record p-1 accepted by inlet i-1 (xactionId 1:2:3)',
    );
    expect(logger.error).not.toHaveBeenCalled();
  });

  it('logs a bad setting as an error a Tags user can act on, and sends nothing', async () => {
    const { turbine, logger } = fakeTurbine();
    await expect(streamRecordAction(turbine)({ ...settings, flowId: '%flow id%' })).rejects.toThrow(
      /flowId "%flow id%" is not a dataflow id/,
    );
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringMatching(/^Stream record failed: streamRecord: flowId/),
    );
    expect(fake.requests).toHaveLength(0);
  });
});
