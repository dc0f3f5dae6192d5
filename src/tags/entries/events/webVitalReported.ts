import { webVitalReportedEvent } from '../../webVitalReportedEvent';
import type { Turbine } from '../../Turbine';

declare const turbine: Turbine;

/** Library module of the "Web vital reported" event. */
export default webVitalReportedEvent(turbine);
