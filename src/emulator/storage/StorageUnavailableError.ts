import { STORAGE_RETRY_AFTER_SECONDS } from '../http/limits';

/**
 * A write the log could not make durable (a full disk, a quota, an I/O error): the request was
 * not stored, and nothing stored before was lost (the log cuts the failed write back off). Every
 * route answers it 503 with `Retry-After`, which the collector retries, never 500, which it drops.
 */
export class StorageUnavailableError extends Error {
  /** Read by fastify-style mappings (`readFastifyError`) as the answer's status. */
  readonly statusCode = 503;
  /** The `Retry-After` of the answer. */
  readonly retryAfterSeconds = STORAGE_RETRY_AFTER_SECONDS;

  constructor(cause: Error) {
    super(`the emulator could not store the request (${cause.message}); nothing stored before is lost`, {
      cause,
    });
    this.name = 'StorageUnavailableError';
  }
}
