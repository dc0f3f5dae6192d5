import { afterEach, describe, expect, it, vi } from 'vitest';
import { attachLinkClicks } from '../../../../src/browser/linkClicks/attachLinkClicks';
import {
  DEFAULT_DOWNLOAD_QUALIFIER,
  readLinkClickSettings,
} from '../../../../src/browser/linkClicks/LinkClickOptions';
import { createEdgeCollector } from '../../../../src/index';

const collector = () => ({ sendEvent: vi.fn(async (_options: unknown) => ({}) as never) });
const link = (href: string, text = 'Go', attributes: Record<string, string> = {}) => {
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.textContent = text;
  for (const [name, value] of Object.entries(attributes)) anchor.setAttribute(name, value);
  document.body.append(anchor);
  return anchor;
};

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  stop = undefined;
  document.body.replaceChildren();
});

describe('readLinkClickSettings', () => {
  it("is on by default, with every link type and Adobe's download qualifier", () => {
    const settings = readLinkClickSettings({})!;
    expect(settings.types).toEqual({ other: true, exit: true, download: true });
    expect(settings.downloadLinkQualifier.source).toBe(DEFAULT_DOWNLOAD_QUALIFIER);
    expect(readLinkClickSettings({ clickCollectionEnabled: false })).toBeUndefined();
  });

  it('refuses what it cannot use, saying what to fix', () => {
    expect(() => readLinkClickSettings({ downloadLinkQualifier: '(' })).toThrow(
      /downloadLinkQualifier "\(" is not a regular expression/,
    );
    expect(() => readLinkClickSettings({ clickCollectionEnabled: 'yes' as never })).toThrow(
      /clickCollectionEnabled must be true or false/,
    );
    expect(() => readLinkClickSettings({ clickCollection: { downloadLinkEnabled: 1 as never } })).toThrow(
      /downloadLinkEnabled/,
    );
    expect(() => readLinkClickSettings({ onBeforeLinkClickSend: 'return false' as never })).toThrow(
      /must be a function/,
    );
  });
});

describe('attachLinkClicks', () => {
  it('sends one linkClicks event per click, typed by the switches', () => {
    const sink = collector();
    stop = attachLinkClicks(sink, { clickCollection: { internalLinkEnabled: false } });
    link('/inside').click();
    link('https://elsewhere.example/a', 'Away').click();
    link('/data.csv', 'Data', { download: '' }).click();
    expect(sink.sendEvent.mock.calls.map(([options]) => options)).toEqual([
      {
        eventType: 'web.webinteraction.linkClicks',
        xdm: {
          web: {
            webInteraction: {
              name: 'Away',
              URL: 'https://elsewhere.example/a',
              type: 'exit',
              linkClicks: { value: 1 },
            },
          },
        },
        data: undefined,
      },
      {
        eventType: 'web.webinteraction.linkClicks',
        xdm: {
          web: {
            webInteraction: {
              name: 'Data',
              URL: `${location.origin}/data.csv`,
              type: 'download',
              linkClicks: { value: 1 },
            },
          },
        },
        data: undefined,
      },
    ]);
  });

  it('sends the event as built when the filter throws, and nothing for javascript: links', () => {
    const sink = collector();
    const log = vi.fn();
    stop = attachLinkClicks(
      sink,
      {
        onBeforeLinkClickSend: (content) => {
          content.xdm.web.webInteraction.name = 'changed';
          throw new Error('bug');
        },
      },
      log,
    );
    link('javascript:void 0').click();
    link('/inside', 'Inside').click();
    expect(sink.sendEvent).toHaveBeenCalledTimes(1);
    expect(sink.sendEvent.mock.calls[0]![0]).toMatchObject({
      xdm: { web: { webInteraction: { name: 'Inside' } } },
    });
    expect(log).toHaveBeenCalledWith(
      'onBeforeLinkClickSend threw; the link click is sent as built',
      expect.any(Error),
    );
  });
});

describe('createEdgeCollector in a page', () => {
  it('refuses a bad link setting before it starts anything', () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('{"handle":[]}'));
    expect(() =>
      createEdgeCollector({
        datastreamId: '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b',
        downloadLinkQualifier: '[',
      }),
    ).toThrow(/downloadLinkQualifier/);
    fetchSpy.mockRestore();
  });
});
