import { createMain } from '../createMain';
import { listInstances } from '../readInstances';
import type { Turbine } from '../Turbine';
import { tagsPage } from '../wiring/tagsPage';

declare const turbine: Turbine;

// The main module (`main` in extension.json): Turbine runs it as the library loads, for every
// instance of the configuration.
for (const { name } of listInstances(turbine.getExtensionSettings()))
  createMain(tagsPage(turbine, typeof name === 'string' ? name.trim() : undefined));
