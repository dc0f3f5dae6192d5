import { hashedEmailDataElement } from '../../hashedEmailDataElement';
import type { Turbine } from '../../Turbine';

declare const turbine: Turbine;

/** Library module of the "Hashed e-mail" data element. */
export default hashedEmailDataElement(turbine);
