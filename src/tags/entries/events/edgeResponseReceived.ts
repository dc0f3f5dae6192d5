import { createEdgeResponseReceived } from '../../events/createEdgeResponseReceived';
import type { Turbine } from '../../Turbine';
import { tagsPage } from '../../wiring/tagsPage';

declare const turbine: Turbine;

/** Library module of the "Edge response received" event. */
export default createEdgeResponseReceived(tagsPage(turbine));
