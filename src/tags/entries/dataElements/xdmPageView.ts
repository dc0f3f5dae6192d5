import { xdmPageViewDataElement } from '../../xdmPageViewDataElement';
import type { Turbine } from '../../Turbine';

declare const turbine: Turbine;

/** Library module of the "XDM page view" data element. */
export default xdmPageViewDataElement(turbine);
