import type { IdentityMap } from '../../core/emailIdentityMap';
import { buildTagsIdentityMap } from '../buildTagsIdentityMap';
import { runDataElement } from '../runDataElement';
import type { TurbineLogger } from '../Turbine';

/** The "Identity map" data element: an XDM `identityMap` from an e-mail (hashed) and other ids. */
export function createIdentityMap({
  logger,
}: {
  logger: TurbineLogger;
}): (settings: unknown) => IdentityMap | undefined {
  return runDataElement(logger, 'Identity map', (settings) => {
    const { identityMap, warnings } = buildTagsIdentityMap(settings);
    for (const warning of warnings) logger.warn(`Identity map data element: ${warning}`);
    return identityMap;
  });
}
