import { appendIdentityInPage } from '../../browser/identity/appendIdentityInPage';
import { checkOrgId } from '../../core/appendIdentityToUrl';
import { describeError } from '../describeError';
import { runAction, type ActionContext } from '../runAction';
import { actionOverrides, type SendContext } from './sendWithVariables';

/** What Turbine passes a rule's actions from a Core *Click* event: the clicked element and the browser's event. */
export interface ClickEvent {
  element?: { href?: unknown; target?: unknown };
  nativeEvent?: { preventDefault?(): void };
}

/** Where the action sends the browser: `window.open(url, target)` in a page. */
export type OpenUrl = (url: string, target: string) => void;

const actionName = 'Redirect with identity';

/**
 * The "Redirect with identity" action, as Adobe's Web SDK extension has it: on a Core *Click*
 * event on a link (`a[href]`), it stops the browser's own navigation, adds the visitor's ECID to
 * the link's URL (`adobe_mc`, see appendIdentityToUrl) and opens it in the link's target (`_self`
 * by default). Without a clicked link, or without a valid `orgId` in the extension configuration,
 * it logs why and leaves the click alone; when no identity can be added, the link opens as it was.
 */
export function createRedirectWithIdentity(
  context: ActionContext & SendContext,
  open: OpenUrl = (url, target) => void window.open(url, target),
): (settings: unknown, event?: ClickEvent) => Promise<void> {
  return (settings, event) =>
    runAction(context, actionName, async (collector) => {
      const href = event?.element?.href;
      if (typeof href !== 'string' || !href) {
        context.logger.warn(
          `${actionName}: no clicked link; use it with a Core Click event on links (the CSS selector a[href]).`,
        );
        return;
      }
      // Checked before the click is stopped: a wrong configuration leaves the link working.
      checkOrgId(collector.config.orgId);
      const overrides = actionOverrides(context, settings, actionName);
      event?.nativeEvent?.preventDefault?.();
      const target =
        typeof event?.element?.target === 'string' && event.element.target ? event.element.target : '_self';
      let url = href;
      try {
        const linked = await appendIdentityInPage(collector, { url: href }, overrides);
        for (const warning of linked.warnings ?? []) context.logger.warn(`${actionName}: ${warning}`);
        url = linked.url;
      } catch (error) {
        context.logger.error(`${actionName}: the link opens without the identity: ${describeError(error)}`);
      }
      open(url, target);
    });
}
