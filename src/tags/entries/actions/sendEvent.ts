import { createSendEvent } from '../../actions/createSendEvent';
import type { Turbine } from '../../Turbine';
import { tagsPage } from '../../wiring/tagsPage';

declare const turbine: Turbine;

/** Library module of the "Send event" action. */
export default createSendEvent(tagsPage(turbine));
