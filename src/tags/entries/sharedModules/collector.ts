import { collectorSharedModule } from '../../collectorSharedModule';
import type { Turbine } from '../../Turbine';

declare const turbine: Turbine;

/** Library module of the shared module `collector`. */
export default collectorSharedModule(turbine);
