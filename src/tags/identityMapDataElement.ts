import type { IdentityMap } from '../core/emailIdentityMap';
import { buildTagsIdentityMap } from './buildTagsIdentityMap';
import { runDataElement } from './runDataElement';
import type { Turbine } from './Turbine';

/** The "Identity map" data element: an XDM `identityMap` from an e-mail (hashed) and other ids. */
export function identityMapDataElement(turbine: Turbine): (settings: unknown) => IdentityMap | undefined {
  return runDataElement(turbine, 'Identity map', (settings) => {
    const { identityMap, warnings } = buildTagsIdentityMap(settings);
    for (const warning of warnings) turbine.logger.warn(`Identity map data element: ${warning}`);
    return identityMap;
  });
}
