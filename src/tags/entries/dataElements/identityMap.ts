import { identityMapDataElement } from '../../identityMapDataElement';
import type { Turbine } from '../../Turbine';

declare const turbine: Turbine;

/** Library module of the "Identity map" data element. */
export default identityMapDataElement(turbine);
