import { sendEventAction } from '../../sendEventAction';
import type { Turbine } from '../../Turbine';

declare const turbine: Turbine;

/** Library module of the "Send event" action. */
export default sendEventAction(turbine);
