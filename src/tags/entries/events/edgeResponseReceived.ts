import { edgeResponseReceivedEvent } from '../../edgeResponseReceivedEvent';
import type { Turbine } from '../../Turbine';

declare const turbine: Turbine;

/** Library module of the "Edge response received" event. */
export default edgeResponseReceivedEvent(turbine);
