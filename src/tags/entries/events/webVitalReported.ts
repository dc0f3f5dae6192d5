import { createWebVitalReported } from '../../events/createWebVitalReported';
import type { Turbine } from '../../Turbine';
import { tagsPage } from '../../wiring/tagsPage';

declare const turbine: Turbine;

/** Library module of the "Web vital reported" event. */
export default createWebVitalReported(tagsPage(turbine));
