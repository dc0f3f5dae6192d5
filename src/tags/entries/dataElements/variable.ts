import { createVariable } from '../../dataElements/createVariable';
import type { Turbine } from '../../Turbine';
import { tagsPage } from '../../wiring/tagsPage';

declare const turbine: Turbine;

/** Library module of the "Variable" data element. */
export default createVariable(tagsPage(turbine));
