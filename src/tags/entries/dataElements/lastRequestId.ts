import { createLastRequestId } from '../../dataElements/createLastRequestId';
import type { Turbine } from '../../Turbine';
import { tagsPage } from '../../wiring/tagsPage';

declare const turbine: Turbine;

/** Library module of the "Last request ID" data element. */
export default createLastRequestId(tagsPage(turbine));
