import { createStreamRecord } from '../../actions/createStreamRecord';
import type { Turbine } from '../../Turbine';
import { forInstance } from '../../wiring/tagsPage';

declare const turbine: Turbine;

/** Library module of the "Stream record" action, on the instance it picks. */
export default forInstance(turbine, createStreamRecord);
