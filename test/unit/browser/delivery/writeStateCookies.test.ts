// @vitest-environment-options {"url": "https://www.site.test/page"}
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  COOKIE_DOMAIN_KEY,
  createStateCookieWriter,
} from '../../../../src/browser/delivery/writeStateCookies';

const entry = { key: 'kndctr_X_identity', value: 'abc', maxAge: 100 };

afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
  document.cookie = 'kndctr_X_identity=; max-age=0; path=/; domain=site.test';
});

/** The cookie strings a new page's writer sets for one answer. */
function writeOnNewPage(): string[] {
  const set = vi.spyOn(document, 'cookie', 'set');
  createStateCookieWriter()([entry]);
  const written = set.mock.calls.map(([cookie]) => cookie);
  set.mockRestore();
  return written;
}

describe('createStateCookieWriter', () => {
  it('finds the registrable domain once per origin: later pages write without probing', () => {
    const first = writeOnNewPage();
    expect(first.some((cookie) => cookie.startsWith('ec_probe=1'))).toBe(true);
    expect(first.at(-1)).toContain('kndctr_X_identity=abc; path=/; domain=site.test;');
    expect(localStorage.getItem(COOKIE_DOMAIN_KEY)).toBe('site.test');
    const later = writeOnNewPage();
    expect(later).toEqual([first.at(-1)]);
  });

  it('probes again where storage is refused, and still writes on the registrable domain', () => {
    vi.spyOn(localStorage, 'getItem').mockImplementation(() => {
      throw new Error('refused');
    });
    vi.spyOn(localStorage, 'setItem').mockImplementation(() => {
      throw new Error('refused');
    });
    for (let page = 0; page < 2; page++) {
      const written = writeOnNewPage();
      expect(written.some((cookie) => cookie.startsWith('ec_probe=1'))).toBe(true);
      expect(written.at(-1)).toContain('domain=site.test;');
    }
  });
});
