import { webVitalsDataElement } from '../../webVitalsDataElement';
import type { Turbine } from '../../Turbine';

declare const turbine: Turbine;

/** Library module of the "Web vitals" data element. */
export default webVitalsDataElement(turbine);
