import type { ExperienceEvent } from '../../core/buildExperienceEvent';
import type { EnvironmentSnapshot } from '../../core/EnvironmentSnapshot';
import { buildPageViewXdm } from '../buildPageViewXdm';
import { readSendOptions } from '../readSendOptions';
import { runDataElement } from '../runDataElement';
import type { TurbineLogger } from '../Turbine';

/** The "XDM page view" data element: the XDM a Send page view with these settings would send. */
export function createXdmPageView({
  logger,
  readPageSnapshot,
}: {
  logger: TurbineLogger;
  readPageSnapshot: () => EnvironmentSnapshot;
}): (settings: unknown) => ExperienceEvent['xdm'] | undefined {
  return runDataElement(logger, 'XDM page view', (settings) => {
    const { options, problems } = readSendOptions(settings);
    const { xdm, warnings } = buildPageViewXdm(options, readPageSnapshot());
    for (const message of [...problems, ...warnings]) logger.warn(`XDM page view data element: ${message}`);
    return xdm;
  });
}
