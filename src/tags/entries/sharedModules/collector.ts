import {
  createCollectorSharedModule,
  type CollectorSharedModule,
} from '../../sharedModules/createCollectorSharedModule';
import type { Turbine } from '../../Turbine';
import { tagsPage } from '../../wiring/tagsPage';

declare const turbine: Turbine;

/** The shared module of one instance of the configuration (default: the first). */
const sharedModuleOf = (name?: string): CollectorSharedModule =>
  createCollectorSharedModule(tagsPage(turbine, name), sharedModuleOf);

/** Library module of the shared module `collector`. */
export default sharedModuleOf();
