import type { Rejection } from '../EmulatorContext';

/** The refusals of this run, newest last: listed by `/api/rejections` and streamed to the inspector. */
export interface RejectionLog {
  /** Keeps a refusal (the oldest drops out past the limit), logs one line and tells the listeners. */
  record(rejection: Rejection): void;
  list(): Rejection[];
  clear(): void;
  subscribe(listener: (rejection: Rejection) => void): () => void;
}

/** Creates the rejection log: at most `max` refusals in memory, each also written to `log`. */
export function createRejectionLog({
  max = 200,
  log = () => {},
}: { max?: number; log?: (line: string) => void } = {}): RejectionLog {
  const rejections: Rejection[] = [];
  const listeners = new Set<(rejection: Rejection) => void>();
  return {
    record(rejection) {
      rejections.push(rejection);
      if (rejections.length > max) rejections.shift();
      const { status, method, path, title, detail, requestId } = rejection;
      log(
        `refused ${status} ${method} ${path}: ${title}${detail ? ` (${detail})` : ''}${requestId ? ` requestId=${requestId}` : ''}`,
      );
      for (const listener of listeners) listener(rejection);
    },
    list: () => [...rejections],
    clear: () => {
      rejections.length = 0;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
