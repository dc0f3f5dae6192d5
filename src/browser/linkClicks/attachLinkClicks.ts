import type { Collector } from '../../core/createCollector';
import { redactEmails } from '../../core/redactEmails';
import { describeLinkClick, findClickedLink, LINK_CLICK_EVENT_TYPE } from './describeLinkClick';
import { readLinkClickSettings, type LinkClickConfig, type LinkClickContent } from './LinkClickOptions';

/**
 * Starts automatic link tracking, as Adobe's Web SDK `clickCollectionEnabled`: each click on a
 * link sends one `web.webinteraction.linkClicks` event with `web.webInteraction` (name, URL, type
 * other / exit / download, `linkClicks.value: 1`). The event is built and sent in the click's own
 * task, so it leaves (with `keepalive`) before a navigation the click starts. Returns a function
 * that stops it, or `undefined` when the configuration turns it off. Throws an `invalid-config`
 * error for bad settings; a failed send is logged, never thrown into the page.
 */
export function attachLinkClicks(
  collector: Pick<Collector, 'sendEvent'>,
  config: LinkClickConfig,
  log: (message: string, detail?: unknown) => void = () => undefined,
  target: Pick<Document, 'addEventListener' | 'removeEventListener'> = document,
): (() => void) | undefined {
  const settings = readLinkClickSettings(config);
  if (!settings) return undefined;
  // Sent at once, in the click's task: the collector issues the request before this returns.
  const send = ({ xdm, data }: LinkClickContent) => {
    const { eventType, ...rest } = xdm;
    collector
      .sendEvent({ eventType, xdm: rest, data: data && Object.keys(data).length ? data : undefined })
      .catch((error: unknown) => log('a link click was not sent', error));
  };
  const onClick = (event: Event) => {
    try {
      const link = findClickedLink(event);
      const webInteraction = link && describeLinkClick(link, settings);
      if (!link || !webInteraction) return;
      // The filter sees no plain address either (a link text such as "Write to ada@example.com").
      const built = () =>
        redactEmails({ xdm: { eventType: LINK_CLICK_EVENT_TYPE, web: { webInteraction } }, data: {} }).value;
      let content: LinkClickContent = { ...built(), clickedElement: link };
      try {
        if (settings.onBeforeLinkClickSend?.(content) === false)
          return log('a link click was cancelled by onBeforeLinkClickSend');
      } catch (error) {
        log('onBeforeLinkClickSend threw; the link click is sent as built', error);
        content = { ...built(), clickedElement: link };
      }
      send(content);
    } catch (error) {
      log('link tracking failed on a click', error);
    }
  };
  // Capture: a page's handler that stops the click's propagation must not hide it.
  target.addEventListener('click', onClick, true);
  return () => target.removeEventListener('click', onClick, true);
}
