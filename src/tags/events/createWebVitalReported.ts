import type { ReportedVital } from '../../browser/vitals/WebVitalsData';
import type { TagsPage } from '../createTagsPage';
import { describeError } from '../describeError';

/** What a rule on "Web vital reported" sees: `%event.vital.name%`, `%event.vital.value%`, `%event.vital.rating%`. */
export interface WebVitalDetail {
  vital: ReportedVital;
}

/**
 * The "Web vital reported" event: runs the rule for each web-vitals report (LCP, CLS, INP, FCP,
 * TTFB). Registering it creates the page's collector, which starts the measurement; with Web
 * vitals off in the configuration, it says so in the log and never fires.
 */
export function createWebVitalReported(
  page: Pick<TagsPage, 'getCollector' | 'logger' | 'onWebVital' | 'latestWebVitals' | 'webVitalsEnabled'>,
): (settings: unknown, trigger: (detail: WebVitalDetail) => void) => void {
  return (_settings, trigger) => {
    try {
      page.onWebVital((vital) => trigger({ vital }));
      page.getCollector();
      if (!page.webVitalsEnabled()) {
        page.logger.warn(
          'Web vital reported never fires: turn on Web vitals in the Edge Collector configuration',
        );
      }
      // Reports that came before this rule was registered are replayed, so no rule misses the early metrics.
      const latest = page.latestWebVitals();
      for (const name of ['TTFB', 'FCP', 'LCP', 'CLS', 'INP'] as const) {
        const value = latest[name.toLowerCase() as 'ttfb'];
        if (value) trigger({ vital: { name, ...value } });
      }
    } catch (error) {
      page.logger.error(`Web vital reported could not listen for reports: ${describeError(error)}`);
    }
  };
}
