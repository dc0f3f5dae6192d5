import { createSendPageView } from '../../actions/createSendPageView';
import type { Turbine } from '../../Turbine';
import { tagsPage } from '../../wiring/tagsPage';

declare const turbine: Turbine;

/** Library module of the "Send page view" action. */
export default createSendPageView(tagsPage(turbine));
