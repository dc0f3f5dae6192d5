import { createBrowserCollector } from '../../browser/createBrowserCollector';
import { attachLinkClicks } from '../../browser/linkClicks/attachLinkClicks';
import { tabOwnership } from '../../browser/delivery/tabOwnership';
import { attachWebVitals } from '../../browser/vitals/attachWebVitals';
import { createConsentCommand } from '../../core/consent/createConsentCommand';
import { createTagsPage, type TagsPage } from '../createTagsPage';
import type { Turbine } from '../Turbine';

// One page, shared by every module of the extension: Turbine loads this chunk once, and every
// module that requires it sees the same state.
let page: TagsPage | undefined;

/** The page's shared Tags state, made on first use with the real collector and Web Vitals. */
export function tagsPage(turbine: Turbine): TagsPage {
  page ??= createTagsPage({
    turbine,
    createCollector: (config, log) =>
      createBrowserCollector(config, 'tags', log, createConsentCommand, tabOwnership),
    attachWebVitals,
    attachLinkClicks,
  });
  return page;
}
