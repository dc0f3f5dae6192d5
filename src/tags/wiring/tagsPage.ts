import { browserDelivery } from '../../browser/delivery/browserDelivery';
import { attachLinkClicks } from '../../browser/linkClicks/attachLinkClicks';
import { siteTabs } from '../../browser/delivery/siteTabs';
import { createStateCookieWriter } from '../../browser/delivery/writeStateCookies';
import { readPageSnapshot } from '../../browser/readPageSnapshot';
import { attachWebVitals } from '../../browser/vitals/attachWebVitals';
import { withConfigOverrides } from '../../core/configOverrides';
import { createConsentCommand } from '../../core/consent/createConsentCommand';
import { createCollector } from '../../core/createCollector';
import { fetchTransport } from '../../core/Transport';
import { createTagsPage, type TagsPage } from '../createTagsPage';
import {
  createCollectorSharedModule,
  type CollectorSharedModule,
} from '../sharedModules/createCollectorSharedModule';
import { pickInstanceName } from '../readInstances';
import type { Turbine } from '../Turbine';
import { createVariableStore } from '../variables/createVariableStore';

// One page, shared by every module of the extension: Turbine loads this chunk once, and every
// module that requires it sees the same state: one TagsPage per instance, and one set of Variables.
const pages = new Map<string, TagsPage>();
const variables = createVariableStore();

/**
 * The page's shared Tags state of one instance of the configuration (default: the first), made on
 * first use with the real collector and Web Vitals. The collector is createBrowserCollector's,
 * with its transport wrapped so that datastream overrides reach the request (a parameter there
 * would cost the standalone script bytes it does not have).
 */
export function tagsPage(turbine: Turbine, instanceName?: string): TagsPage {
  const name = instanceName ?? pickInstanceName(turbine.getExtensionSettings(), undefined);
  let page = pages.get(name);
  if (!page) {
    page = createTagsPage({
      turbine,
      instanceName: name,
      variables,
      createCollector: (config, log) =>
        createCollector(config, {
          createConsentCommand,
          snapshot: readPageSnapshot,
          transport: withConfigOverrides(fetchTransport()),
          log,
          implementation: 'tags',
          ...browserDelivery(config.datastreamId, siteTabs, createStateCookieWriter()),
        }),
      attachWebVitals,
      attachLinkClicks,
      readCookies: () => document.cookie,
      readLocationSearch: () => location.search,
    });
    pages.set(name, page);
  }
  return page;
}

/**
 * A library module (action, data element, event) that runs on the instance its settings pick
 * (`instanceName`, default the first): `make` builds the module for one instance, once.
 */
export function forInstance<Args extends unknown[], Result>(
  turbine: Turbine,
  make: (page: TagsPage) => (settings: unknown, ...rest: Args) => Result,
): (settings: unknown, ...rest: Args) => Result {
  const modules = new Map<string, (settings: unknown, ...rest: Args) => Result>();
  return (settings, ...rest) => {
    const name = pickInstanceName(turbine.getExtensionSettings(), settings);
    let module = modules.get(name);
    if (!module) modules.set(name, (module = make(tagsPage(turbine, name))));
    return module(settings, ...rest);
  };
}

/** The shared module `collector` of the instance `name` (default: the first), as custom code and other extensions get it. */
export const collectorModule = (turbine: Turbine, name?: string): CollectorSharedModule =>
  createCollectorSharedModule(tagsPage(turbine, name), (other) => collectorModule(turbine, other));
