import { createWebVitals } from '../../dataElements/createWebVitals';
import type { Turbine } from '../../Turbine';
import { forInstance } from '../../wiring/tagsPage';

declare const turbine: Turbine;

/** Library module of the "Web vitals" data element, of the instance it picks. */
export default forInstance(turbine, createWebVitals);
