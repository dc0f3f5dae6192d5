import { checkConfig, type ConfigProblem } from '../core/CollectorConfig';
import type { Collector } from '../core/createCollector';
import type { explainConfigProblem } from '../core/explainConfigProblem';
import { EdgeCollectorError } from '../core/EdgeCollectorError';
import { createBrowserCollector } from './createBrowserCollector';
import type { TabsFactory } from './delivery/siteTabs';
import type { StateWriter } from './delivery/writeStateCookies';
import type { IdentityAddOn } from './identityAddOn';
import { hashEmailInPage } from './hashEmailInPage';
import { lendToAddOns } from './lendToAddOns';
import { loadAddOn, loan } from './loadAddOn';
import { logToConsole } from './logToConsole';
import { isDebugRequested } from './isDebugRequested';
import type { LinkClicksAddOn } from './linkClicksAddOn';
import { loadConsentCommand } from './loadConsentCommand';
import { pickCommand } from '../core/pickCommand';
import type { queueStreamRecord } from '../core/streaming/queueStreamRecord';

/** The page-facing function: `edgeCollector(command, options)` always returns a promise. */
export type CommandApi = (command: string, options?: unknown) => Promise<unknown>;

/** What a build adds to the command API, e.g. the vitals build: a step run right after `configure`. */
export interface CommandApiExtension {
  /** Called with the new collector and the options `configure` was given. */
  onConfigure?(collector: Collector, options: Record<string, unknown>): void;
}

/**
 * Builds the `edgeCollector(command, options)` function of the standalone script. Every outcome,
 * including a bad command or a bug, becomes a rejected promise: nothing throws into the page.
 */
export function createCommandApi(extension: CommandApiExtension = {}): CommandApi {
  let collector: Collector | undefined;
  // Set at `configure` on a page opened with `adobe_mc`: the commands wait for the identity add-on.
  let ready: Promise<unknown> | undefined;
  // Read while the script runs: the streaming add-on is loaded from the same folder, on first use.
  const scriptSrc = (document.currentScript as HTMLScriptElement | null)?.src;
  const hashEmail = hashEmailInPage(scriptSrc);
  Object.assign(loan, lendToAddOns(hashEmail));

  /** Calls what the add-on `edge-collector.<name>.min.js` offers, loading it on first use. */
  const addOn =
    <Run extends (...args: never[]) => unknown>(name: string) =>
    (...args: Parameters<Run>) =>
      loadAddOn<Run>(scriptSrc, name).then((run) => run(...args) as Awaited<ReturnType<Run>>);

  /** `edge-collector.identity.min.js`: `appendIdentityToUrl`, and a landing page's `adobe_mc` ECID. */
  const identity = (call?: [unknown]) => addOn<IdentityAddOn>('identity')(collector, call);

  const needCollector = (command: string): Collector => {
    if (!collector)
      throw new EdgeCollectorError(
        'not-configured',
        `call edgeCollector("configure", { datastreamId }) before "${command}"`,
      );
    return collector;
  };

  const commands: Record<string, (options: unknown) => Promise<unknown> | unknown> = {
    configure(options) {
      if (collector)
        throw new EdgeCollectorError('already-configured', 'configure may be called only once per page');
      let problem: ConfigProblem;
      let config;
      try {
        // The core carries the rules, not their texts: a refused configuration is explained by
        // the messages add-on, or named briefly where the site does not host it.
        config = checkConfig(options, (...found) => `${(problem = found)[0] || 'options'} is invalid`);
      } catch (error) {
        return loadAddOn<typeof explainConfigProblem>(scriptSrc, 'messages').then(
          (explain) => {
            throw new EdgeCollectorError('invalid-config', explain(...problem));
          },
          () => {
            throw error;
          },
        );
      }
      if (isDebugRequested()) config.debug = true;
      collector = createBrowserCollector(
        config,
        'standalone',
        logToConsole,
        loadConsentCommand(scriptSrc),
        // Only when the page first stores a request or finds leftovers: `edge-collector.tabs.min.js`.
        addOn<TabsFactory>('tabs'),
        // With the first answer that sets state: `edge-collector.state.min.js`.
        addOn<StateWriter>('state'),
        hashEmail,
      );
      // A page opened from another site of the org: its first event waits for the add-on, so that
      // it carries the visitor's ECID (see docs/identity.md).
      if (/adobe_mc=/.test(location.search)) ready = identity().catch(logToConsole);
      extension.onConfigure?.(collector, options as Record<string, unknown>);
      // Link tracking is on unless turned off (as in Adobe's Web SDK); its add-on loads now, not on
      // the first click, which must not wait for a download. A bad setting is logged.
      if ((options as Record<string, unknown>).clickCollectionEnabled !== false)
        addOn<LinkClicksAddOn>('linkClicks')(collector, options).catch(logToConsole);
      return { datastreamId: config.datastreamId, edgeUrl: config.edgeUrl };
    },
  };
  // The commands that call the collector's method of the same name (`getIdentity` ignores its argument).
  for (const name of ['sendPageView', 'sendEvent', 'setConsent', 'getIdentity'] as const)
    commands[name] = (options) => needCollector(name)[name](options as never);
  // The identity add-on gives the not-configured error: this script has no bytes for it.
  commands.appendIdentityToUrl = (options) => identity([options]);
  commands.streamRecord = (options) =>
    addOn<typeof queueStreamRecord>('streaming')(needCollector('streamRecord'), options as never);

  return (command, options) =>
    new Promise((resolve) => {
      const run = pickCommand(commands, command);
      resolve(ready ? ready.then(() => run(options)) : run(options));
    });
}
