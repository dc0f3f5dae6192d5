import { createMain } from '../createMain';
import type { Turbine } from '../Turbine';
import { tagsPage } from '../wiring/tagsPage';

declare const turbine: Turbine;

// The main module (`main` in extension.json): Turbine runs it as the library loads.
createMain(tagsPage(turbine));
