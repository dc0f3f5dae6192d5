import { createUpdateVariable } from '../../actions/createUpdateVariable';
import type { Turbine } from '../../Turbine';
import { tagsPage } from '../../wiring/tagsPage';

declare const turbine: Turbine;

/** Library module of the "Update variable" action. */
export default createUpdateVariable(tagsPage(turbine));
