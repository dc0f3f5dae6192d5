import { createCommandApi } from './createCommandApi';

/** A call the snippet's stub queued before this script arrived: its arguments and its promise's settlers. */
type QueuedCall = [args: [string, unknown?], resolve: (value: unknown) => void, reject: (reason: unknown) => void];

interface StubbedApi {
  (command: string, options?: unknown): Promise<unknown>;
  q?: QueuedCall[];
}

// The entry of `edge-collector.min.js`: installs `window.edgeCollector` and replays, in order,
// the calls the page made to the snippet's stub before the script loaded.
(function install(global: Window & { edgeCollector?: StubbedApi }) {
  const queued = global.edgeCollector?.q ?? [];
  const api = createCommandApi();
  global.edgeCollector = api;
  for (const [args, resolve, reject] of queued) api(args[0], args[1]).then(resolve, reject);
})(window);
