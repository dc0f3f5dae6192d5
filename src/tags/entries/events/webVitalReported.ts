import { createWebVitalReported } from '../../events/createWebVitalReported';
import type { Turbine } from '../../Turbine';
import { forInstance } from '../../wiring/tagsPage';

declare const turbine: Turbine;

/** Library module of the "Web vital reported" event, of the instance it picks. */
export default forInstance(turbine, createWebVitalReported);
