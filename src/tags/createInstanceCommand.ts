import { appendIdentityInPage } from '../browser/identity/appendIdentityInPage';
import type { Collector } from '../core/createCollector';
import { pickCommand } from '../core/pickCommand';
import { requireCollector, type CollectorSharedModule } from './sharedModules/createCollectorSharedModule';

/** An instance's command function for custom code: `store("sendEvent", { xdm })` always returns a promise. */
export type InstanceCommand = (command: string, options?: unknown) => Promise<unknown>;

/**
 * The global function Adobe's Web SDK extension gives each instance under its name, so that custom
 * code can call `alloy("sendEvent", …)`: here `edgeCollector("sendEvent", …)` (or the instance's
 * own name), with the standalone script's command names. `configure` is the extension
 * configuration's job, so it is no command here. Bad commands and an invalid configuration reject.
 */
export function createInstanceCommand(module: CollectorSharedModule): InstanceCommand {
  const collector = (command: string): Collector => requireCollector(module.getCollector, command);
  const commands: Record<string, (options: never) => Promise<unknown>> = {
    sendPageView: module.sendPageView,
    sendEvent: module.sendEvent,
    setConsent: module.setConsent,
    streamRecord: module.streamRecord,
    getIdentity: () => collector('getIdentity').getIdentity(),
    appendIdentityToUrl: (options) =>
      appendIdentityInPage(collector('appendIdentityToUrl'), options as { url: string }),
  };
  return (command, options) =>
    new Promise((resolve) => resolve(pickCommand(commands, command)(options as never)));
}

/**
 * Puts an instance's command function on the page under the instance's name, unless the page
 * already has something there (e.g. the standalone script's `edgeCollector`): that is left alone
 * and `warn` says so.
 */
export function installInstanceCommand(
  global: Record<string, unknown>,
  name: string,
  command: InstanceCommand,
  warn: (message: string) => void,
): void {
  if (global[name] === undefined) global[name] = command;
  else
    warn(
      `window.${name} is taken: instance "${name}" has no global command function (use the shared module)`,
    );
}
