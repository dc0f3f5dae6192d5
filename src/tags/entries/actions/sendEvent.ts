import { createSendEvent } from '../../actions/createSendEvent';
import type { Turbine } from '../../Turbine';
import { forInstance } from '../../wiring/tagsPage';

declare const turbine: Turbine;

/** Library module of the "Send event" action, on the instance it picks. */
export default forInstance(turbine, createSendEvent);
