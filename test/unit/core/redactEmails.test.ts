import { describe, expect, it } from 'vitest';
import { redactEmails, REDACTED_EMAIL } from '../../../src/core/redactEmails';

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

  it('stays linear on long strings, with and without an @', () => {
    const long = `${'a'.repeat(60_000)}@example.com ${'b.'.repeat(20_000)}`;
    // An unbounded pattern backtracks quadratically here and runs past the test timeout.
    const { value, paths } = redactEmails({ long, plain: 'x'.repeat(60_000) });
    expect(value.long).not.toMatch(/a@example\.com/);
    expect(paths).toEqual(['long']);
  });
});
