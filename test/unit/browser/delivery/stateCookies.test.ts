import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stateCookies } from '../../../../src/browser/delivery/stateCookies';
import { createStateCookieWriter } from '../../../../src/browser/delivery/writeStateCookies';

const entry = { key: 'kndctr_X_identity', value: 'abc', maxAge: 100 };

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.cookie = 'kndctr_X_identity=; max-age=0; path=/';
});

function setup() {
  const writes: string[] = [];
  const remember = (name: string, value?: string) => (value === undefined ? null : void writes.push(name));
  return { cookies: stateCookies(remember, createStateCookieWriter()), writes };
}

describe('stateCookies', () => {
  it('writes a cookie, and the list of names, only when they change', () => {
    const set = vi.spyOn(document, 'cookie', 'set');
    const { cookies, writes } = setup();
    cookies.storeState([entry]);
    cookies.storeState([entry]);
    expect(set).toHaveBeenCalledOnce();
    expect(writes).toEqual(['state']);
    cookies.storeState([{ ...entry, value: 'def' }]);
    expect(set).toHaveBeenCalledTimes(2);
    expect(writes).toEqual(['state']);
  });

  it('settles once the cookies are written, and when the writer throws (no cookie access in a sandboxed frame) or its add-on fails', async () => {
    const { cookies } = setup();
    await expect(cookies.storeState([entry])).resolves.toBeUndefined();
    expect(document.cookie).toContain('kndctr_X_identity=abc');
    const throwing = stateCookies(
      () => null,
      () => {
        throw new DOMException('The document is sandboxed', 'SecurityError');
      },
    );
    await expect(throwing.storeState([entry])).resolves.toBeUndefined();
    const failing = stateCookies(
      () => null,
      () => Promise.reject(new Error('the add-on did not load')),
    );
    await expect(failing.storeState([entry])).resolves.toBeUndefined();
  });

  it('reads the values back for meta.state at most once a second, and sends an answer’s own values at once', () => {
    const { cookies } = setup();
    cookies.storeState([entry]);
    const get = vi.spyOn(document, 'cookie', 'get');
    expect(cookies.requestMeta()).toEqual({ state: { entries: [{ key: entry.key, value: 'abc' }] } });
    cookies.requestMeta();
    expect(get).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(1001);
    cookies.requestMeta();
    expect(get).toHaveBeenCalledTimes(2);
    // Whether or not the writer has run (an add-on may still be loading), the next request carries
    // the answer's value, without reading the cookies again.
    const pending = stateCookies(
      () => null,
      () => new Promise(() => {}),
    );
    pending.storeState([{ ...entry, value: 'def' }]);
    expect(pending.requestMeta()).toEqual({ state: { entries: [{ key: entry.key, value: 'def' }] } });
    cookies.storeState([{ ...entry, value: 'def' }]);
    expect(cookies.requestMeta()).toEqual({ state: { entries: [{ key: entry.key, value: 'def' }] } });
    expect(get).toHaveBeenCalledTimes(3);
  });

  it('sends back the Edge Network cookies another page wrote, decoded, and others as they are', () => {
    document.cookie = 'kndctr_X_identity=a%20b%3Dc; path=/';
    document.cookie = 'kndctr_X_cluster=%E0%A4%A; path=/';
    document.cookie = 'other=1; path=/';
    try {
      const { cookies } = setup();
      expect(cookies.requestMeta()).toEqual({
        state: {
          entries: [
            { key: 'kndctr_X_identity', value: 'a b=c' },
            { key: 'kndctr_X_cluster', value: '%E0%A4%A' },
          ],
        },
      });
    } finally {
      document.cookie = 'kndctr_X_cluster=; max-age=0; path=/';
      document.cookie = 'other=; max-age=0; path=/';
    }
  });
});
