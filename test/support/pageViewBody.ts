/**
 * The body of a minimal `POST /ee/v2/interact` page view, as the collector sends one; `xdm` adds
 * fields to the event.
 */
export const pageViewBody = (id: string = crypto.randomUUID(), xdm: Record<string, unknown> = {}) => ({
  event: {
    xdm: {
      _id: id,
      eventType: 'web.webpagedetails.pageViews',
      timestamp: new Date().toISOString(),
      ...xdm,
    },
  },
});
