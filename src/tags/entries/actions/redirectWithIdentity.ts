import { createRedirectWithIdentity } from '../../actions/createRedirectWithIdentity';
import type { Turbine } from '../../Turbine';
import { forInstance } from '../../wiring/tagsPage';

declare const turbine: Turbine;

/** Library module of the "Redirect with identity" action, on the instance it picks. */
export default forInstance(turbine, (page) => createRedirectWithIdentity(page));
