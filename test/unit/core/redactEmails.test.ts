import { describe, expect, it } from 'vitest';
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
    expect(value.when).toBe(date);
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
    ['a run of local characters then an @', `${'a'.repeat(200_000)}@example.com`],
    ['long domains without a top-level label', `${'x@'.repeat(20_000)}${'b.'.repeat(50_000)}1`],
  ])('stays linear on %s (a backtracking pattern takes minutes here)', (_, long) => {
    expect(() => redactEmails({ long })).not.toThrow();
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

  it('finds an address by the same rule (the emulator uses it)', () => {
    expect(containsEmail('x idn%2540b%C3%BCcher.de')).toBe(true);
    expect(containsEmail('react@18.2.0')).toBe(false);
  });
});
