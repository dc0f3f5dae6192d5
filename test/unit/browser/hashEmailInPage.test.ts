import { afterEach, describe, expect, it, vi } from 'vitest';
import { sha256Hex } from '../../../src/core/sha256';

const DIGEST = 'e814ff3dc480a94c7ce9334062ec4733c75a002f4bcec0197f62ffea64059e2f';
const SERVED = 'https://cdn.example/lib/edge-collector.min.js';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.resetModules();
});

/** The page's script requests, with the sha256 add-on announcing itself as the built one does. */
function serveSha256(): string[] {
  const scripts: string[] = [];
  vi.spyOn(document.head, 'append').mockImplementation((script) => {
    scripts.push((script as HTMLScriptElement).src);
    dispatchEvent(new CustomEvent('edgecollector:sha256', { detail: sha256Hex }));
  });
  return scripts;
}

describe("hashEmailInPage (the standalone script's hasher)", () => {
  it('hashes through WebCrypto where the page has it, loading no add-on', async () => {
    const scripts = serveSha256();
    const { hashEmailInPage } = await import('../../../src/browser/hashEmailInPage');
    await expect(hashEmailInPage(SERVED)(' Ada.Lovelace@Example.com ')).resolves.toEqual({ digest: DIGEST });
    expect(scripts).toEqual([]);
  });

  it('loads the sha256 add-on once on a page without WebCrypto (plain http:)', async () => {
    vi.stubGlobal('crypto', {});
    const scripts = serveSha256();
    const { hashEmailInPage } = await import('../../../src/browser/hashEmailInPage');
    const hash = hashEmailInPage(SERVED);
    await expect(hash('Ada.Lovelace@Example.com')).resolves.toEqual({ digest: DIGEST });
    await expect(hash('ada.lovelace@example.com')).resolves.toEqual({ digest: DIGEST });
    expect(scripts).toEqual(['https://cdn.example/lib/edge-collector.sha256.min.js']);
  });

  it('sends no identity, with a warning, where neither WebCrypto nor the add-on is there', async () => {
    vi.stubGlobal('crypto', {});
    const { hashEmailInPage } = await import('../../../src/browser/hashEmailInPage');
    await expect(hashEmailInPage(undefined)('ada@example.com')).resolves.toEqual({
      warning: 'email was not sent: edge-collector.sha256.min.js did not load to hash it',
    });
    // Checks that need no digest still come first.
    await expect(hashEmailInPage(undefined)(42)).resolves.toEqual({
      warning: 'email was not sent: expected a string, got number',
    });
  });
});
