import type { TagsPage } from './createTagsPage';

/**
 * The extension's main module: Turbine runs it when the Tags library loads, before any rule
 * fires, so the collector (and, when on, Web Vitals) start at once and the first interactions,
 * LCP and INP are not missed. A bad configuration is logged, and modules try again later.
 */
export function createMain({ getCollector }: Pick<TagsPage, 'getCollector'>): void {
  getCollector();
}
