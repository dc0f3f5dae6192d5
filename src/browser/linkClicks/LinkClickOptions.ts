import { EdgeCollectorError } from '../../core/EdgeCollectorError';
import { isPlainObject } from '../../core/deepMerge';

/** What the link-click filter sees and may change: the event's `xdm` and `data`, and the link clicked. */
export interface LinkClickContent {
  xdm: { eventType: string; web: { webInteraction: LinkInteraction } } & Record<string, unknown>;
  data: Record<string, unknown>;
  clickedElement: Element;
}

/** XDM `web.webInteraction` of a link click (adobe/xdm `webinfo`). */
export interface LinkInteraction {
  name?: string;
  URL: string;
  type: LinkType;
  linkClicks: { value: 1 };
}

/** The XDM link types: internal (`other`), exit and download links. */
export type LinkType = 'other' | 'exit' | 'download';

/**
 * Sees each link click before it is sent, as Adobe's Web SDK `onBeforeLinkClickSend`: it may
 * change `content.xdm` and `content.data` in place, or return `false` to send nothing.
 */
export type OnBeforeLinkClickSend = (content: LinkClickContent) => unknown;

/** The link-click settings of `configure` (and `createEdgeCollector`), named as in Adobe's Web SDK. */
export interface LinkClickConfig {
  /** Sends a `web.webinteraction.linkClicks` event for each link click. Default `true`. */
  clickCollectionEnabled?: boolean;
  /** Which links count; each default `true`. */
  clickCollection?: {
    internalLinkEnabled?: boolean;
    externalLinkEnabled?: boolean;
    downloadLinkEnabled?: boolean;
  };
  /** A regular expression (as text) that marks a link as a download. Default Adobe's {@link DEFAULT_DOWNLOAD_QUALIFIER}. */
  downloadLinkQualifier?: string;
  onBeforeLinkClickSend?: OnBeforeLinkClickSend;
}

/** The settings checked, with the defaults filled in; `undefined` when click collection is off. */
export interface LinkClickSettings {
  types: Record<LinkType, boolean>;
  downloadLinkQualifier: RegExp;
  onBeforeLinkClickSend?: OnBeforeLinkClickSend;
}

/** Adobe's Web SDK default (alloy, ActivityCollector/configValidators.js): files that are downloads. */
export const DEFAULT_DOWNLOAD_QUALIFIER =
  '\\.(exe|zip|wav|mp3|mov|mpg|avi|wmv|pdf|doc|docx|xls|xlsx|ppt|pptx)$';

const invalid = (message: string): never => {
  throw new EdgeCollectorError('invalid-config', message);
};

const flag = (value: unknown, name: string): boolean => {
  if (value === undefined) return true;
  return typeof value === 'boolean'
    ? value
    : invalid(`${name} must be true or false, not ${JSON.stringify(value)}`);
};

/**
 * Checks the link-click settings of a configuration and fills in Adobe's defaults; `undefined`
 * when `clickCollectionEnabled` is `false`. Throws an `invalid-config` error that says what to fix.
 */
export function readLinkClickSettings(config: LinkClickConfig): LinkClickSettings | undefined {
  if (!flag(config.clickCollectionEnabled, 'clickCollectionEnabled')) return undefined;
  const switches = config.clickCollection ?? {};
  if (!isPlainObject(switches))
    invalid('clickCollection must be an object such as { "downloadLinkEnabled": false }');
  const source = config.downloadLinkQualifier ?? DEFAULT_DOWNLOAD_QUALIFIER;
  let downloadLinkQualifier: RegExp | undefined;
  try {
    if (typeof source === 'string' && source.trim()) downloadLinkQualifier = new RegExp(source, 'i');
  } catch {
    // Reported below.
  }
  if (!downloadLinkQualifier)
    invalid(
      `downloadLinkQualifier ${JSON.stringify(source)} is not a regular expression such as ${JSON.stringify(DEFAULT_DOWNLOAD_QUALIFIER)}`,
    );
  const { onBeforeLinkClickSend } = config;
  if (onBeforeLinkClickSend !== undefined && typeof onBeforeLinkClickSend !== 'function')
    invalid('onBeforeLinkClickSend must be a function');
  return {
    types: {
      other: flag(switches.internalLinkEnabled, 'clickCollection.internalLinkEnabled'),
      exit: flag(switches.externalLinkEnabled, 'clickCollection.externalLinkEnabled'),
      download: flag(switches.downloadLinkEnabled, 'clickCollection.downloadLinkEnabled'),
    },
    downloadLinkQualifier: downloadLinkQualifier!,
    onBeforeLinkClickSend,
  };
}
