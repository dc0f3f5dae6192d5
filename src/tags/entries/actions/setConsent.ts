import { createSetConsent } from '../../actions/createSetConsent';
import type { Turbine } from '../../Turbine';
import { forInstance } from '../../wiring/tagsPage';

declare const turbine: Turbine;

/** Library module of the "Set consent" action, on the instance it picks. */
export default forInstance(turbine, createSetConsent);
