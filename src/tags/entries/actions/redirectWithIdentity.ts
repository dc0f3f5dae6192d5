import { createRedirectWithIdentity } from '../../actions/createRedirectWithIdentity';
import type { Turbine } from '../../Turbine';
import { tagsPage } from '../../wiring/tagsPage';

declare const turbine: Turbine;

/** Library module of the "Redirect with identity" action. */
export default createRedirectWithIdentity(tagsPage(turbine));
