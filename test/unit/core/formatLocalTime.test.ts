import { describe, expect, it } from 'vitest';
import { formatLocalTime } from '../../../src/core/formatLocalTime';

describe('formatLocalTime', () => {
  const moment = new Date('2026-03-01T00:30:00.250Z');
  it.each([
    [0, '2026-03-01T00:30:00.250+00:00'],
    [480, '2026-02-28T16:30:00.250-08:00'],
    [-330, '2026-03-01T06:00:00.250+05:30'],
    [-765, '2026-03-01T13:15:00.250+12:45'],
  ])('offset %i minutes gives %s', (offset, expected) => {
    expect(formatLocalTime(moment, offset)).toBe(expected);
  });
});
