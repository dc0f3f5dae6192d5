import { createLastRequestId } from '../../dataElements/createLastRequestId';
import type { Turbine } from '../../Turbine';
import { forInstance } from '../../wiring/tagsPage';

declare const turbine: Turbine;

/** Library module of the "Last request ID" data element, of the instance it picks. */
export default forInstance(turbine, createLastRequestId);
