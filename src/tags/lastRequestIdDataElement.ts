import { readLastRequestId } from './getTagsCollector';

/** The "Last request ID" data element: the `requestId` of the latest request the extension sent. */
export function lastRequestIdDataElement(): () => string | undefined {
  return () => readLastRequestId();
}
