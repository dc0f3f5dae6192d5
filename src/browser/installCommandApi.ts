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

/** The global names the page's snippets declared (alloy's `__alloyNS`); see snippet.js. */
export const NAMES_GLOBAL = '__ecNS';

/**
 * Installs one command API, with its own collector, under each global name the page's snippet
 * declared in `window.__ecNS` (`edgeCollector` when there is none: a page without the
 * snippet, or with the one-name snippet of earlier versions), and replays, in order, the calls the
 * page made to each name's stub before the script loaded. Shared by every standalone build.
 */
export function installCommandApi(create: () => CommandApi): void {
  const global = window as unknown as Record<string, StubbedApi | string[] | undefined>;
  for (const name of (global[NAMES_GLOBAL] as string[] | undefined) ?? ['edgeCollector']) {
    const api = create();
    for (const [args, resolve, reject] of (global[name] as StubbedApi | undefined)?.q ?? [])
      api(...args).then(resolve, reject);
    global[name] = api;
  }
}
