import { createIdentityMap } from '../../dataElements/createIdentityMap';
import type { Turbine } from '../../Turbine';

declare const turbine: Turbine;

/** Library module of the "Identity map" data element. */
export default createIdentityMap({ logger: turbine.logger });
