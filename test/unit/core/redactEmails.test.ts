import { describe, expect, it, vi } from 'vitest';
import { EdgeCollectorError } from '../../../src/core/EdgeCollectorError';
import { containsEmail, redactEmails, REDACTED_EMAIL } from '../../../src/core/redactEmails';

describe('redactEmails', () => {
  it('replaces addresses in nested strings and reports where', () => {
    const date = new Date(0);
    const input = {
      web: { webPageDetails: { URL: 'https://shop.example/thanks?email=Ada.Lovelace@Example.com&step=2' } },
      list: ['plain', 'write to bob%40example.org today'],
      count: 3,
      when: date,
      digest: 'a6ea4cde5da5ae7cc68baae894d1d6544fca26254433b0fff7c2cb4843b4a097',
    };
    const { value, paths } = redactEmails(input);
    expect(value.web.webPageDetails.URL).toBe(`https://shop.example/thanks?email=${REDACTED_EMAIL}&step=2`);
    expect(value.list).toEqual(['plain', `write to ${REDACTED_EMAIL} today`]);
    expect(value.count).toBe(3);
    expect(value.when).toBe(date.toISOString());
    expect(value.digest).toBe(input.digest);
    expect(paths).toEqual(['web.webPageDetails.URL', 'list[1]']);
    expect(input.web.webPageDetails.URL).toContain('Ada.Lovelace@Example.com');
  });

  it('leaves values without addresses untouched', () => {
    const input = { a: 'https://example.com/@user', b: 'name@localhost' };
    expect(redactEmails(input)).toEqual({ value: input, paths: [] });
  });

  it.each([
    ['a run of encoded @ signs', 'a%2540'.repeat(50_000)],
    ['one "%25" chain 100,000 levels deep', `ada%${'25'.repeat(100_000)}40example.com`],
    ['a run of stray and encoded percent signs', '%%25%2525%'.repeat(30_000)],
    ['a long run every byte encoded twice', `${'%25%36%31'.repeat(30_000)}%25%34%30b.co`],
    ['a run of local characters then an @', `${'a'.repeat(200_000)}@example.com`],
    ['long domains without a top-level label', `${'x@'.repeat(20_000)}${'b.'.repeat(50_000)}1`],
  ])('stays linear on %s (a backtracking pattern takes minutes here)', (_, long) => {
    expect(() => redactEmails({ long })).not.toThrow();
  });

  it('searches only strings that could hold an @ once read (an @, an escape, a non-ASCII character)', () => {
    // `readEncoded` ends every search with NFKC: counting its calls counts the stretches searched.
    const normalize = vi.spyOn(String.prototype, 'normalize');
    try {
      const event = {
        _id: '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b',
        timestamp: '2026-12-06T16:20:00.000Z',
        eventType: 'web.webpagedetails.pageViews',
        web: { webPageDetails: { URL: 'https://shop.example/a/b?c=d', name: 'A simple page' } },
      };
      expect(redactEmails(event)).toEqual({ value: event, paths: [] });
      expect(normalize).not.toHaveBeenCalled();
      // Each of these is searched, and each holds an address once read.
      for (const text of ['ada@example.com', 'ada%40example.com', 'ada＠example.com', 'ada﹫example.com']) {
        normalize.mockClear();
        expect(redactEmails({ text }).value.text).toBe(REDACTED_EMAIL);
        expect(normalize).toHaveBeenCalled();
      }
    } finally {
      normalize.mockRestore();
    }
  });

  it('stays linear on long strings, with and without an @', () => {
    const long = `${'a'.repeat(60_000)}@example.com ${'b.'.repeat(20_000)}`;
    // An unbounded pattern backtracks quadratically here and runs past the test timeout.
    const { value, paths } = redactEmails({ long, plain: 'x'.repeat(60_000) });
    expect(value.long).not.toMatch(/a@example\.com/);
    expect(paths).toEqual(['long']);
  });

  it('replaces an address used as a key, and the path it reports does not repeat it', () => {
    const { value, paths } = redactEmails({
      data: { 'key.person@example.com': 1, nested: { 'ada@example.com': { x: 'bob@example.org' } } },
    });
    expect(value).toEqual({
      data: { [REDACTED_EMAIL]: 1, nested: { [REDACTED_EMAIL]: { x: REDACTED_EMAIL } } },
    });
    expect(paths).toEqual([
      `data.${REDACTED_EMAIL} (key)`,
      `data.nested.${REDACTED_EMAIL} (key)`,
      `data.nested.${REDACTED_EMAIL}.x`,
    ]);
  });

  it.each([
    ['ä@example.com', REDACTED_EMAIL],
    ['idn@bücher.de', REDACTED_EMAIL],
    ['write to müller@example.com', `write to ${REDACTED_EMAIL}`],
    ['пользователь@пример.рф', REDACTED_EMAIL],
    ['用户@例子.广告', REDACTED_EMAIL],
    ['यूज़र@उदाहरण.भारत', REDACTED_EMAIL],
    ['?e=m%C3%BCller%40b%C3%BCcher.de&x=1', `?e=${REDACTED_EMAIL}&x=1`],
  ])('replaces the whole internationalised address in %s', (input, output) => {
    expect(redactEmails(input).value).toBe(output);
  });

  it.each([
    ['/thanks?email=ada%2540example.com', `/thanks?email=${REDACTED_EMAIL}`],
    ['/thanks?email=ada%252540example.com', `/thanks?email=${REDACTED_EMAIL}`],
    // An encoded "=" is taken for part of the address: more is replaced than needed, never less.
    ['/r?u=%2Fthanks%3Femail%3Dada%252540example.com', `/r?u=${REDACTED_EMAIL}`],
  ])('replaces an address percent-encoded twice or more: %s', (input, output) => {
    expect(redactEmails(input).value).toBe(output);
  });

  it('still leaves version strings and local names alone', () => {
    const input = { lib: 'react@18.2.0', scoped: '@scope/pkg@1.22.333', host: 'name@localhost' };
    expect(redactEmails(input)).toEqual({ value: input, paths: [] });
  });

  it('refuses a value that contains itself, saying where, and takes a shared one', () => {
    const xdm: Record<string, unknown> = { web: {} };
    (xdm.web as Record<string, unknown>).self = xdm;
    const call = () => redactEmails({ xdm });
    expect(call).toThrow(EdgeCollectorError);
    expect(call).toThrow('xdm.web.self contains a circular reference');
    const list = [1];
    const root: unknown[] = [];
    root.push(root);
    expect(() => redactEmails(root)).toThrow('[0] contains a circular reference');
    expect(redactEmails({ a: list, b: { c: list } }).value).toEqual({ a: [1], b: { c: [1] } });
  });

  // F2: what JSON sends is what the guard sees.
  it.each([
    [
      'a URL',
      new URL('https://shop.example/thanks?email=ada@example.com'),
      'https://shop.example/thanks?email=[redacted-email]',
    ],
    ['an object with toJSON', { toJSON: (): string => 'to ada@example.com' }, `to ${REDACTED_EMAIL}`],
    ['a boxed string', new String('ada@example.com'), REDACTED_EMAIL],
    [
      'a class instance',
      new (class Contact {
        constructor(readonly mail: string) {}
      })('ada@example.com'),
      { mail: REDACTED_EMAIL },
    ],
    ['a Map (JSON writes {})', new Map([['ada@example.com', 1]]), {}],
  ])('sees %s as JSON writes it', (_, held, sent) => {
    const { value, paths } = redactEmails({ data: { held, list: [held] } });
    expect(value).toEqual({ data: { held: sent, list: [sent] } });
    expect(JSON.stringify(value)).not.toContain('ada@');
    expect(paths.length).toBe(JSON.stringify(sent).includes(REDACTED_EMAIL) ? 2 : 0);
  });

  it('returns what JSON.stringify writes, toJSON called with its key, nothing left that JSON would call', () => {
    const keys: string[] = [];
    const stamp = { toJSON: (key: string) => (keys.push(key), `at ${key}`) };
    const input = {
      list: [stamp, undefined, () => 1, Number.NaN, new Boolean(false), new Number(2)],
      stamp,
      gone: undefined,
      fn: () => 1,
      date: new Date(0),
      nested: { deep: [{ stamp }] },
    };
    const { value } = redactEmails(input);
    expect(keys).toEqual(['0', 'stamp', 'stamp']);
    expect(JSON.stringify(value)).toBe(JSON.stringify(input));
    // Functions and undefined are left undefined, which JSON writes as null in an array and leaves out of an object.
    expect(value).toEqual({
      ...JSON.parse(JSON.stringify(input)),
      list: ['at 0', undefined, undefined, null, false, 2],
    });
  });

  it('sees a plain object whose toJSON hides an address', () => {
    const { value, paths } = redactEmails({ xdm: { _acme: { toJSON: () => ({ to: 'ada@example.com' }) } } });
    expect(value).toEqual({ xdm: { _acme: { to: REDACTED_EMAIL } } });
    expect(paths).toEqual(['xdm._acme.to']);
  });

  // F3: percent-encoding undone until nothing changes, dots included.
  it.each([
    ['/thanks?email=ada%40example%2Ecom&step=2', `/thanks?email=${REDACTED_EMAIL}&step=2`],
    ['/thanks?email=ada%40example%2ecom', `/thanks?email=${REDACTED_EMAIL}`],
    ['/thanks?email=ada%2540example%252Ecom', `/thanks?email=${REDACTED_EMAIL}`],
    ['?e=%61%64%61%40%65%78%61%6D%70%6C%65%2E%63%6F%6D&x=1', `?e=${REDACTED_EMAIL}&x=1`],
    ['?e=%25%36%31%25%34%30%25%36%32%25%32%45%25%36%33%25%36%46', `?e=${REDACTED_EMAIL}`],
    ['?e=%2525252540', '?e=%2525252540'],
    ['?e=ada%25%34%30example.com', `?e=${REDACTED_EMAIL}`],
    // A stray "%" does not stop the rest from being read.
    ['?e=100%ada%40b%C3%BCcher.de', `?e=${REDACTED_EMAIL}`],
    ['?e=m%FCller%40example.com', `?e=${REDACTED_EMAIL}`],
  ])('reads percent-encoding at any depth, dots and every byte included: %s', (input, output) => {
    expect(redactEmails(input).value).toBe(output);
  });

  it.each([
    ['fullwidth', 'ada\uff20example\uff0ecom'],
    ['small', 'ada\ufe6bexample\ufe52com'],
    ['ideographic dots', '用户@例子\u3002广告'],
    ['halfwidth dots', 'ada@example\uff61com'],
    ['percent-encoded fullwidth', encodeURIComponent('ada\uff20example.com')],
  ])('reads the %s look-alikes of "@" and "."', (_, input) => {
    expect(redactEmails(`to ${input} now`).value).toBe(`to ${REDACTED_EMAIL} now`);
  });

  it.each([
    ['<ada@example.com>!', REDACTED_EMAIL],
    ['mailto:ada@example.com?subject=Hi', `mailto:${REDACTED_EMAIL}?subject=Hi`],
    ['"ada@example.com","bob"', `"${REDACTED_EMAIL}","bob"`],
    // "&" is query syntax, so what comes before it stays.
    ['ada&bob@example.com', `ada&${REDACTED_EMAIL}`],
  ])(
    'replaces the whole stretch around an address, between whitespace, / ? = : " , &: %s',
    (input, output) => {
      expect(redactEmails(input).value).toBe(output);
    },
  );

  it.each([
    ['base64', 'YWRhQGV4YW1wbGUuY29t'],
    ['an HTML reference', 'ada&#64;example.com'],
    ['a JSON escape', 'ada\\u0040example.com'],
    ['the old escape()', 'ada%u0040example.com'],
    ['quoted-printable', 'ada=40example.com'],
  ])('does not read %s (docs/privacy.md says why)', (_, input) => {
    expect(redactEmails(input).value).toBe(input);
  });

  it('finds an address by the same rule (the emulator uses it)', () => {
    expect(containsEmail('x idn%2540b%C3%BCcher.de')).toBe(true);
    expect(containsEmail('ada%40example%2Ecom')).toBe(true);
    expect(containsEmail('react@18.2.0')).toBe(false);
  });
});
