import { createHashedEmail } from '../../dataElements/createHashedEmail';
import type { Turbine } from '../../Turbine';

declare const turbine: Turbine;

/** Library module of the "Hashed e-mail" data element. */
export default createHashedEmail({ logger: turbine.logger });
