import { sendPageViewAction } from '../../sendPageViewAction';
import type { Turbine } from '../../Turbine';

declare const turbine: Turbine;

/** Library module of the "Send page view" action. */
export default sendPageViewAction(turbine);
