import { createEdgeResponseReceived } from '../../events/createEdgeResponseReceived';
import type { Turbine } from '../../Turbine';
import { forInstance } from '../../wiring/tagsPage';

declare const turbine: Turbine;

/** Library module of the "Edge response received" event, of the instance it picks. */
export default forInstance(turbine, createEdgeResponseReceived);
