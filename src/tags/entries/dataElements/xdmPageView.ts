import { readPageSnapshot } from '../../../browser/readPageSnapshot';
import { createXdmPageView } from '../../dataElements/createXdmPageView';
import type { Turbine } from '../../Turbine';

declare const turbine: Turbine;

/** Library module of the "XDM page view" data element. */
export default createXdmPageView({ logger: turbine.logger, readPageSnapshot });
