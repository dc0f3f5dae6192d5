import { createSetConsent } from '../../actions/createSetConsent';
import type { Turbine } from '../../Turbine';
import { tagsPage } from '../../wiring/tagsPage';

declare const turbine: Turbine;

/** Library module of the "Set consent" action. */
export default createSetConsent(tagsPage(turbine));
