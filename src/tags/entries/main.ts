import { createInstanceCommand, installInstanceCommand } from '../createInstanceCommand';
import { createMain } from '../createMain';
import { listInstances } from '../readInstances';
import type { Turbine } from '../Turbine';
import { collectorModule, tagsPage } from '../wiring/tagsPage';

declare const turbine: Turbine;

// The main module (`main` in extension.json): Turbine runs it as the library loads, for every
// instance of the configuration, and gives each its global command function for custom code.
for (const { name } of listInstances(turbine.getExtensionSettings())) {
  const instanceName = typeof name === 'string' ? name.trim() : undefined;
  const page = tagsPage(turbine, instanceName);
  createMain(page);
  installInstanceCommand(
    window as never,
    page.instanceName,
    createInstanceCommand(collectorModule(turbine, page.instanceName)),
    (message) => turbine.logger.warn(message),
  );
}
