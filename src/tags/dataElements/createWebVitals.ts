import type { WebVitalsData } from '../../browser/vitals/WebVitalsData';
import type { TagsPage } from '../createTagsPage';

/**
 * The "Web vitals" data element: the latest LCP, CLS, INP, FCP and TTFB of this page, shaped as
 * the vitals event's `data.webVitals` (`{ lcp: { value, rating, navigationType }, …, pageViewId }`).
 * Reading it creates the page's collector, which starts the measurement when it is turned on.
 */
export function createWebVitals({
  getCollector,
  latestWebVitals,
}: Pick<TagsPage, 'getCollector' | 'latestWebVitals'>): () => WebVitalsData {
  return () => {
    getCollector();
    return latestWebVitals();
  };
}
