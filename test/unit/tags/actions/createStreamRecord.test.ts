import { describe, expect, it } from 'vitest';
import type { ResolvedConfig } from '../../../../src/core/CollectorConfig';
import type { InteractRequest } from '../../../../src/core/InteractRequest';
import type { RequestHandler } from '../../../../src/core/delivery/RequestHandler';
import { createStreamRecord } from '../../../../src/tags/actions/createStreamRecord';
import { readStreamRecordSettings } from '../../../../src/tags/readStreamRecordSettings';
import { FLOW_ID, INLET_URL, SCHEMA_ID } from '../../core/streaming/fixtures';
import { fakeCollector, fakePage } from '../fakePage';

/** A page whose collector's delivery answers every request with an inlet receipt. */
function streamingPage() {
  const requests: InteractRequest[] = [];
  const answer = { status: 200, body: '{"inletId":"i-1","xactionId":"1:2:3","receivedTimeMs":4}' };
  const withDelivery = (config: ResolvedConfig) => {
    const collector = fakeCollector(config);
    collector.deliver.mockImplementation(
      async (request: InteractRequest, warnings: string[], handler: RequestHandler) => {
        requests.push(request);
        return handler.read(request, answer, warnings);
      },
    );
    return collector;
  };
  return { ...fakePage(undefined, undefined, withDelivery), requests };
}

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
    const { page, logger, requests } = streamingPage();
    await expect(createStreamRecord(page)(settings)).resolves.toBeUndefined();
    expect(requests).toHaveLength(1);
    const body = JSON.parse(requests[0]!.body);
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
    const { page, logger, requests } = streamingPage();
    await expect(createStreamRecord(page)({ ...settings, flowId: '%flow id%' })).rejects.toThrow(
      /flowId "%flow id%" is not a dataflow id/,
    );
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringMatching(/^Stream record failed: streamRecord: flowId/),
    );
    expect(requests).toHaveLength(0);
  });
});
