import { createWebVitals } from '../../dataElements/createWebVitals';
import type { Turbine } from '../../Turbine';
import { tagsPage } from '../../wiring/tagsPage';

declare const turbine: Turbine;

/** Library module of the "Web vitals" data element. */
export default createWebVitals(tagsPage(turbine));
