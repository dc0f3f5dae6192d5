import type { Browser, Page } from 'playwright-core';
import { buildTagsLibrary, type LibraryInput } from '../integration/tags/buildTagsLibrary';
import { HARNESS } from '../integration/tags/harness';
import { packageExtension } from '../integration/tags/packageExtension';
import { launchChromium } from './launchChromium';
import { startRecordingServer, type RecordingServer } from './startRecordingServer';

/** The datastream the Tags browser tests configure. */
export const TAGS_DATASTREAM = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';

/** A Tags property of a browser test: the extension configuration, its rules and data elements. */
export interface TagsSiteInput extends Partial<Pick<LibraryInput, 'rules' | 'dataElements' | 'stage'>> {
  /**
   * The extension configuration; the datastream and `edgeUrl` (the recording server) are filled in,
   * or, for `instances`, `edgeUrl` in each instance.
   */
  settings?: Record<string, unknown>;
  /** The body of `/page.html` (and of `/next.html`: `<p>next</p>`). */
  body?: string;
  /** Turns Tags debugging on, so that the extension's logs reach `consoleMessages`. */
  debug?: boolean;
}

/** A Tags site in headless Chromium: the packaged extension in real Turbine, served by a recording server. */
export interface TagsSite {
  browser: Browser;
  server: RecordingServer;
  page: Page;
  /** The console and page errors of `page`, as `type: text`. */
  consoleMessages: string[];
  /** Fires a harness event rule (`harness/fire.js` with `settings.name`). */
  fire(name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Packages the extension with Adobe's packager, builds a library with Turbine for `input`, serves
 * it with `/page.html` and `/next.html`, and opens the page in headless Chromium (the one set-up
 * of every Tags browser test).
 */
export async function openTagsSite(input: TagsSiteInput = {}): Promise<TagsSite> {
  const [{ files }, server, browser] = await Promise.all([
    packageExtension(),
    startRecordingServer(),
    launchChromium(),
  ]);
  const library = buildTagsLibrary({
    files,
    settings: Array.isArray(input.settings?.instances)
      ? // Several instances: each sends to the recording server unless it says otherwise.
        {
          instances: (input.settings.instances as Array<Record<string, unknown>>).map((instance) => ({
            edgeUrl: server.origin,
            ...instance,
          })),
        }
      : { productionDatastreamId: TAGS_DATASTREAM, edgeUrl: server.origin, ...input.settings },
    dataElements: input.dataElements ?? {},
    rules: input.rules ?? [],
    harness: HARNESS,
    stage: input.stage,
  });
  const pageHtml = (body: string) =>
    `<!doctype html><html><head><title>Shop</title><script src="/launch.js"></script></head><body>${body}</body></html>`;
  server.serve('/launch.js', 'application/javascript', library);
  server.serve('/page.html', 'text/html', pageHtml(input.body ?? 'shop'));
  server.serve('/next.html', 'text/html', pageHtml('<p>next</p>'));
  const page = await browser.newPage();
  const consoleMessages: string[] = [];
  page.on('console', (message) => consoleMessages.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => consoleMessages.push(`pageerror: ${error.message}`));
  if (input.debug) await page.addInitScript(() => localStorage.setItem('com.adobe.reactor.debug', 'true'));
  await page.goto(`${server.origin}/page.html`);
  return {
    browser,
    server,
    page,
    consoleMessages,
    fire: async (name) => {
      await page.waitForFunction(
        (rule) => Boolean((window as { __fire?: Record<string, unknown> }).__fire?.[rule]),
        name,
      );
      await page.evaluate(
        (rule) => (window as unknown as { __fire: Record<string, () => void> }).__fire[rule]!(),
        name,
      );
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
