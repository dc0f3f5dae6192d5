import type { TagsPage } from '../createTagsPage';

/** The "Last request ID" data element: the `requestId` of the latest request the extension sent. */
export function createLastRequestId({
  lastRequestId,
}: Pick<TagsPage, 'lastRequestId'>): () => string | undefined {
  return () => lastRequestId();
}
