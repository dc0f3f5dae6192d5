import { createCollectorSharedModule } from '../../sharedModules/createCollectorSharedModule';
import type { Turbine } from '../../Turbine';
import { tagsPage } from '../../wiring/tagsPage';

declare const turbine: Turbine;

/** Library module of the shared module `collector`. */
export default createCollectorSharedModule(tagsPage(turbine));
