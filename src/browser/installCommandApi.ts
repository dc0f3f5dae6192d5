import type { CommandApi } from './createCommandApi';

/** A call the snippet's stub queued before this script arrived: its arguments and its promise's settlers. */
type QueuedCall = [
  args: [string, unknown?],
  resolve: (value: unknown) => void,
  reject: (reason: unknown) => void,
];

interface StubbedApi {
  (command: string, options?: unknown): Promise<unknown>;
  q?: QueuedCall[];
}

/**
 * Installs `window.edgeCollector` and replays, in order, the calls the page made to the snippet's
 * stub before the script loaded. Shared by every standalone build (with or without vitals).
 */
export function installCommandApi(
  api: CommandApi,
  global: Window & { edgeCollector?: StubbedApi } = window,
): void {
  const queued = global.edgeCollector?.q ?? [];
  global.edgeCollector = api;
  for (const [args, resolve, reject] of queued) api(args[0], args[1]).then(resolve, reject);
}
