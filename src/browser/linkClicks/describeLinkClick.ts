import type { LinkClickSettings, LinkInteraction, LinkType } from './LinkClickOptions';

/** The event type of a link click, as Adobe's Web SDK sends it. */
export const LINK_CLICK_EVENT_TYPE = 'web.webinteraction.linkClicks';

/** The link a click landed in (through open shadow roots too), or `undefined`: only `<a href>` and `<area href>` count, as in Adobe's Web SDK. */
export function findClickedLink(event: Event): HTMLAnchorElement | HTMLAreaElement | undefined {
  for (const target of event.composedPath())
    if (
      (target instanceof HTMLAnchorElement || target instanceof HTMLAreaElement) &&
      target.hasAttribute('href')
    )
      return target;
  return undefined;
}

/** The name of a link: its text, or else its title or an image's alt text, white space collapsed. */
function linkName(link: HTMLAnchorElement | HTMLAreaElement): string | undefined {
  const text =
    link.textContent ||
    link.getAttribute('title') ||
    link.querySelector('img[alt]')?.getAttribute('alt') ||
    '';
  return text.replace(/\s+/g, ' ').trim() || undefined;
}

/** A link's type by Adobe's rules: a download (the `download` attribute, or the qualifier), an exit to another host, or other. */
function linkType(
  url: URL,
  link: HTMLAnchorElement | HTMLAreaElement,
  settings: LinkClickSettings,
  host: string,
): LinkType {
  const bare = url.href.replace(/[?#].*$/, '').toLowerCase();
  if (link.hasAttribute('download') || settings.downloadLinkQualifier.test(bare)) return 'download';
  return url.hostname.toLowerCase() === host.toLowerCase() ? 'other' : 'exit';
}

/**
 * The `web.webInteraction` of a click on `link`, or `undefined` when it is not sent: a
 * `javascript:` link, or a type switched off. A `mailto:` link goes as `mailto:` alone, its
 * address left out (the privacy guard would replace it anyway).
 */
export function describeLinkClick(
  link: HTMLAnchorElement | HTMLAreaElement,
  settings: LinkClickSettings,
  host = location.hostname,
): LinkInteraction | undefined {
  let url: URL;
  try {
    url = new URL(link.href);
  } catch {
    return undefined;
  }
  if (url.protocol === 'javascript:') return undefined;
  const type = linkType(url, link, settings, host);
  if (!settings.types[type]) return undefined;
  const name = linkName(link);
  return {
    ...(name && { name }),
    URL: url.protocol === 'mailto:' ? 'mailto:' : url.href,
    type,
    linkClicks: { value: 1 },
  };
}
