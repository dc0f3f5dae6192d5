import { checkEssentials, hasOtherSettings, type ResolvedConfig } from '../core/CollectorConfig';
import type { resolveConfig } from '../core/resolveConfig';
import type { CoreCollector } from '../core/createCollector';
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
import { noop } from '../core/noop';

/** The page-facing function: `edgeCollector(command, options)` always returns a promise. */
export type CommandApi = (command: string, options?: unknown) => Promise<unknown>;

/** What a build adds to the command API, e.g. the vitals build: a step run right after `configure`. */
export interface CommandApiExtension {
  /** Called with the new collector and the options `configure` was given. */
  onConfigure?(collector: CoreCollector, options: Record<string, unknown>): void;
}

/**
 * Builds the `edgeCollector(command, options)` function of the standalone script. Every outcome,
 * including a bad command or a bug, becomes a rejected promise: nothing throws into the page.
 */
export function createCommandApi(extension: CommandApiExtension = {}): CommandApi {
  let collector: CoreCollector | undefined;
  // While `configure` waits for the messages add-on's checks, or on a page opened with `adobe_mc`
  // for the identity add-on: the commands called meanwhile wait for it. Cleared once settled.
  let ready: Promise<unknown> | undefined;
  const waitFor = (promise?: Promise<unknown>) => {
    const clear = () => {
      if (ready === pending) ready = undefined;
    };
    const pending = (ready = promise && promise.then(clear, clear));
  };
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

  const needCollector = (command: string): CoreCollector => {
    if (!collector)
      throw new EdgeCollectorError(
        'not-configured',
        `call edgeCollector("configure", { datastreamId }) before "${command}"`,
      );
    return collector;
  };

  /**
   * Makes the collector of a checked configuration; returns what the commands must wait for (the
   * identity add-on on a page opened with `adobe_mc`).
   */
  const start = (config: ResolvedConfig, options: Record<string, unknown>) => {
    if (isDebugRequested()) config.debug = true;
    // Link tracking is on unless turned off (as in Adobe's Web SDK).
    const clicks = options.clickCollectionEnabled !== false;
    // The state cookie writer: on a default page it comes with the link-click add-on (one script
    // for both); from its own add-on where link tracking is off, or its add-on cannot load.
    const stateWriter = (): Promise<StateWriter> =>
      clicks
        ? loadAddOn<LinkClicksAddOn>(scriptSrc, 'linkClicks').then(
            ({ write }) => write,
            () => loadAddOn(scriptSrc, 'state'),
          )
        : loadAddOn(scriptSrc, 'state');
    collector = createBrowserCollector(
      config,
      'standalone',
      logToConsole,
      loadConsentCommand(scriptSrc),
      // Only when the page first stores a request or finds leftovers: `edge-collector.tabs.min.js`.
      addOn<TabsFactory>('tabs'),
      // Asked for below; the first answer that sets state writes with it.
      (entries) => stateWriter().then((write) => write(entries)),
      hashEmail,
    );
    // A page opened from another site of the org: its first event waits for the add-on, so that
    // it carries the visitor's ECID (see docs/identity.md).
    const linked = /adobe_mc=/.test(location.search) ? identity().catch(logToConsole) : undefined;
    extension.onConfigure?.(collector, options);
    // Every answer of the Edge Network sets state (its region cookie at least), so its writer loads
    // beside the first request: the first answer's cookies, and its caller, wait for no download
    // after it. Like every add-on, its script is inserted after this task (see loadAddOn).
    stateWriter().catch(noop);
    // Link tracking loads now, not on the first click, which must not wait for a download. A bad
    // setting is logged.
    if (clicks) addOn<LinkClicksAddOn>('linkClicks')(collector, options).catch(logToConsole);
    return linked;
  };

  const commands: Record<string, (options: unknown) => Promise<unknown> | unknown> = {
    configure(options) {
      if (collector)
        throw new EdgeCollectorError('already-configured', 'configure may be called only once per page');
      const configured = () => ({
        datastreamId: collector!.config.datastreamId,
        edgeUrl: collector!.config.edgeUrl,
      });
      let refused: unknown;
      try {
        // The core checks what decides whether and where anything is sent, without the texts.
        const config = checkEssentials(options, (setting) => {
          throw new EdgeCollectorError('invalid-config', `${setting || 'options'} is invalid`);
        });
        if (!hasOtherSettings(options as object)) {
          waitFor(start(config, options as Record<string, unknown>));
          return configured();
        }
      } catch (error) {
        refused = error;
      }
      // Refused, or with a setting the core leaves unchecked: the messages add-on checks all and
      // explains what is wrong; where the site does not host it, a refusal names the setting.
      const checked = loadAddOn<typeof resolveConfig>(scriptSrc, 'messages').then(
        (resolve) => start(resolve(options), options as Record<string, unknown>),
        (error) => {
          throw refused || error;
        },
      );
      // The commands called meanwhile wait for it (and for what it starts); refused, they find no collector.
      waitFor(checked);
      return checked.then(configured);
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
      // What a command waited for may have started something else to wait for (a checked
      // configuration, the identity add-on): it runs once nothing is pending.
      const go = (): unknown => (ready ? ready.then(go) : run(options));
      resolve(go());
    });
}
