import { browserDelivery } from '../../browser/delivery/browserDelivery';
import { attachLinkClicks } from '../../browser/linkClicks/attachLinkClicks';
import { tabOwnership } from '../../browser/delivery/tabOwnership';
import { createStateCookieWriter } from '../../browser/delivery/writeStateCookies';
import { readPageSnapshot } from '../../browser/readPageSnapshot';
import { attachWebVitals } from '../../browser/vitals/attachWebVitals';
import { withConfigOverrides } from '../../core/configOverrides';
import { createConsentCommand } from '../../core/consent/createConsentCommand';
import { createCollector } from '../../core/createCollector';
import { fetchTransport } from '../../core/Transport';
import { createTagsPage, type TagsPage } from '../createTagsPage';
import type { Turbine } from '../Turbine';

// One page, shared by every module of the extension: Turbine loads this chunk once, and every
// module that requires it sees the same state.
let page: TagsPage | undefined;

/**
 * The page's shared Tags state, made on first use with the real collector and Web Vitals. The
 * collector is createBrowserCollector's, with its transport wrapped so that datastream overrides
 * reach the request (a parameter there would cost the standalone script bytes it does not have).
 */
export function tagsPage(turbine: Turbine): TagsPage {
  page ??= createTagsPage({
    turbine,
    createCollector: (config, log) =>
      createCollector(config, {
        createConsentCommand,
        snapshot: readPageSnapshot,
        transport: withConfigOverrides(fetchTransport()),
        log,
        implementation: 'tags',
        ...browserDelivery(config.datastreamId, tabOwnership, createStateCookieWriter()),
      }),
    attachWebVitals,
    attachLinkClicks,
    readCookies: () => document.cookie,
    readLocationSearch: () => location.search,
  });
  return page;
}
