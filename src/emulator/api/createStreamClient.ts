/** The part of a server response a live-stream client writes to. */
export interface StreamResponse {
  write(chunk: string): boolean;
  readonly writableLength: number;
  destroy(): void;
}

/** One client of the live stream (`/api/stream`, server-sent events). */
export interface StreamClient {
  /** Sends one named event; false once the client has been dropped. */
  send(name: string, data: unknown): boolean;
  /** Sends a comment line that keeps proxies from timing the stream out. */
  keepAlive(): void;
}

/**
 * Wraps a live-stream response so that a client that stops reading cannot make the server's
 * memory grow without bound: once more than `maxBufferedBytes` wait unsent, the client is
 * dropped (its connection destroyed; the inspector reconnects and reloads).
 */
export function createStreamClient(
  response: StreamResponse,
  { maxBufferedBytes, onDrop }: { maxBufferedBytes: number; onDrop: (bufferedBytes: number) => void },
): StreamClient {
  let dropped = false;
  const write = (chunk: string) => {
    if (dropped) return false;
    response.write(chunk);
    const buffered = response.writableLength;
    if (buffered <= maxBufferedBytes) return true;
    dropped = true;
    response.destroy();
    onDrop(buffered);
    return false;
  };
  return {
    send: (name, data) => write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`),
    keepAlive: () => void write(': keep-alive\n\n'),
  };
}
