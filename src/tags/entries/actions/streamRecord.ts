import { createStreamRecord } from '../../actions/createStreamRecord';
import type { Turbine } from '../../Turbine';
import { tagsPage } from '../../wiring/tagsPage';

declare const turbine: Turbine;

/** Library module of the "Stream record" action. */
export default createStreamRecord(tagsPage(turbine));
