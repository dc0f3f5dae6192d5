import { describe, expect, it } from 'vitest';
import { createStreamClient } from '../../../../src/emulator/api/createStreamClient';

/** A response whose reader never reads: everything written stays buffered. */
function stalledResponse() {
  const chunks: string[] = [];
  return {
    chunks,
    destroyed: false,
    get writableLength() {
      return chunks.reduce((sum, chunk) => sum + Buffer.byteLength(chunk), 0);
    },
    write(chunk: string) {
      chunks.push(chunk);
      return false;
    },
    destroy() {
      this.destroyed = true;
    },
  };
}

describe('createStreamClient', () => {
  it('drops a client that stops reading once its buffer passes the limit, and writes nothing more to it', () => {
    const response = stalledResponse();
    const drops: number[] = [];
    const client = createStreamClient(response, {
      maxBufferedBytes: 10_000,
      onDrop: (bytes) => drops.push(bytes),
    });
    let sent = 0;
    while (client.send('stored', { payload: 'x'.repeat(1000) })) sent += 1;
    expect(sent).toBeGreaterThan(5);
    expect(response.destroyed).toBe(true);
    expect(drops).toHaveLength(1);
    const buffered = response.writableLength;
    expect(buffered).toBeLessThan(10_000 + 2_000);
    for (let index = 0; index < 1000; index += 1) client.send('stored', { payload: 'x'.repeat(1000) });
    client.keepAlive();
    expect(response.writableLength).toBe(buffered);
  });

  it('keeps a client that reads', () => {
    const written: string[] = [];
    const response = {
      writableLength: 0,
      write: (chunk: string) => written.push(chunk) > 0,
      destroy: () => {},
    };
    const client = createStreamClient(response, { maxBufferedBytes: 100, onDrop: () => {} });
    for (let index = 0; index < 100; index += 1) expect(client.send('stored', { index })).toBe(true);
    expect(written[0]).toBe('event: stored\ndata: {"index":0}\n\n');
  });
});
