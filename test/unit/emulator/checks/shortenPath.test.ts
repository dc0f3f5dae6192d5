import { describe, expect, it } from 'vitest';
import { shortenPath } from '../../../../src/emulator/checks/shortenPath';

describe('shortenPath', () => {
  it('keeps a short path whole and lists a long one by its start and its end, in `max` characters', () => {
    expect(shortenPath('xdm.web.webPageDetails.URL')).toBe('xdm.web.webPageDetails.URL');
    expect(shortenPath('abcdefghij', 5)).toBe('ab…ij');
    expect(shortenPath('abcdefghij', 10)).toBe('abcdefghij');
  });

  it('gives the same result when shortened as it grows, segment by segment', () => {
    const segments = Array.from({ length: 40 }, (_, index) => `${'s'.repeat(index)}${index}`);
    let growing = '';
    let whole = '';
    for (const segment of segments) {
      growing = shortenPath(`${growing}.${segment}`, 50);
      whole = `${whole}.${segment}`;
    }
    expect(growing).toBe(shortenPath(whole, 50));
  });
});
