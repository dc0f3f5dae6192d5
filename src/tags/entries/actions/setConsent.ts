import { getTagsCollector } from '../../getTagsCollector';
import { createSetConsent } from '../../setConsentAction';
import type { Turbine } from '../../Turbine';

declare const turbine: Turbine;

/** Library module of the "Set consent" action. */
export default createSetConsent({ getCollector: () => getTagsCollector(turbine), logger: turbine.logger });
