import type { Turbine } from '../../Turbine';
import { collectorModule } from '../../wiring/tagsPage';

declare const turbine: Turbine;

/** Library module of the shared module `collector`: the first instance's (`instance(name)` gives another's). */
export default collectorModule(turbine);
