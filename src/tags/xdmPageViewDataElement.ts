import type { ExperienceEvent } from '../core/buildExperienceEvent';
import { readPageSnapshot } from '../browser/readPageSnapshot';
import { buildPageViewXdm } from './buildPageViewXdm';
import { readSendOptions } from './readSendOptions';
import { runDataElement } from './runDataElement';
import type { Turbine } from './Turbine';

/** The "XDM page view" data element: the XDM a Send page view with these settings would send. */
export function xdmPageViewDataElement(
  turbine: Turbine,
): (settings: unknown) => ExperienceEvent['xdm'] | undefined {
  return runDataElement(turbine, 'XDM page view', (settings) => {
    const { options, problems } = readSendOptions(settings);
    const { xdm, warnings } = buildPageViewXdm(options, readPageSnapshot());
    for (const message of [...problems, ...warnings])
      turbine.logger.warn(`XDM page view data element: ${message}`);
    return xdm;
  });
}
