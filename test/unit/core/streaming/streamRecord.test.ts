import { describe, expect, it, vi } from 'vitest';
import { EdgeCollectorError } from '../../../../src/core/EdgeCollectorError';
import { streamRecord } from '../../../../src/core/streaming/streamRecord';
import type { Transport } from '../../../../src/core/Transport';
import { INLET_URL, xdmOptions } from './fixtures';

describe('streamRecord', () => {
  it('posts the built request through the given transport and resolves with the receipt', async () => {
    const transport = vi.fn<Transport>(async () => ({
      status: 200,
      body: JSON.stringify({ inletId: 'i', xactionId: 'x:1', receivedTimeMs: 5 }),
    }));
    const result = await streamRecord(xdmOptions(), { transport });
    expect(transport).toHaveBeenCalledTimes(1);
    expect(transport.mock.calls[0]![0].url).toBe(INLET_URL);
    expect(result).toMatchObject({
      inletId: 'i',
      xactionId: 'x:1',
      receivedTimeMs: 5,
      recordId: 'http-source-connector-acme-01',
    });
  });

  it('rejects bad options before anything is sent', async () => {
    const transport = vi.fn<Transport>();
    await expect(streamRecord(xdmOptions({ flowId: 'nope' }), { transport })).rejects.toMatchObject({
      code: 'invalid-options',
    });
    expect(transport).not.toHaveBeenCalled();
  });

  it('passes a network failure on unchanged', async () => {
    const failure = new EdgeCollectorError('network', 'no answer');
    await expect(streamRecord(xdmOptions(), { transport: async () => Promise.reject(failure) })).rejects.toBe(
      failure,
    );
  });

  it('rejects a 401 with the token message', async () => {
    const transport: Transport = async () => ({
      status: 401,
      body: JSON.stringify({ title: 'Authorization', report: { message: 'Ims service token is empty' } }),
    });
    await expect(streamRecord(xdmOptions(), { transport })).rejects.toThrow(/needs a token/);
  });
});
