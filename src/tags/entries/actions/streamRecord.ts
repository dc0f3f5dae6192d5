import { streamRecordAction } from '../../streamRecordAction';
import type { Turbine } from '../../Turbine';

declare const turbine: Turbine;

/** Library module of the "Stream record" action. */
export default streamRecordAction(turbine);
