import { createSendPageView } from '../../actions/createSendPageView';
import type { Turbine } from '../../Turbine';
import { forInstance } from '../../wiring/tagsPage';

declare const turbine: Turbine;

/** Library module of the "Send page view" action, on the instance it picks. */
export default forInstance(turbine, createSendPageView);
