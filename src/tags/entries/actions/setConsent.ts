import { setConsentAction } from '../../setConsentAction';
import type { Turbine } from '../../Turbine';

declare const turbine: Turbine;

/** Library module of the "Set consent" action. */
export default setConsentAction(turbine);
