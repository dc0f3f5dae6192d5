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

  it('reads the values back for meta.state at most once a second, and again after writing one', async () => {
    const { cookies } = setup();
    cookies.storeState([entry]);
    const get = vi.spyOn(document, 'cookie', 'get');
    expect(cookies.requestMeta()).toEqual({ state: { entries: [{ key: entry.key, value: 'abc' }] } });
    cookies.requestMeta();
    expect(get).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(1001);
    cookies.requestMeta();
    expect(get).toHaveBeenCalledTimes(2);
    cookies.storeState([{ ...entry, value: 'def' }]);
    // The writer may be an add-on still loading: the next read follows its write.
    await Promise.resolve();
    expect(cookies.requestMeta()).toEqual({ state: { entries: [{ key: entry.key, value: 'def' }] } });
    expect(get).toHaveBeenCalledTimes(3);
  });
});
