import { lastRequestIdDataElement } from '../../lastRequestIdDataElement';

/** Library module of the "Last request ID" data element. */
export default lastRequestIdDataElement();
