import { describe, expect, it } from 'vitest';
import { exceedsDepth } from '../../../../src/emulator/http/exceedsDepth';
import { MAX_JSON_DEPTH } from '../../../../src/emulator/http/limits';
import { parseJson } from '../../../../src/emulator/http/parseJson';

const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

describe('parseJson', () => {
  it('parses JSON text and says why not', () => {
    expect(parseJson('{"a":[1]}')).toEqual({ ok: true, value: { a: [1] } });
    expect(parseJson('')).toEqual({ ok: false, reason: 'the body is empty' });
    expect(parseJson('{"a":')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not valid JSON'),
    });
  });

  it.each([MAX_JSON_DEPTH + 1, 5_000, 400_000])(
    'refuses a body nested %i levels deep, without a stack overflow',
    (levels) => {
      expect(parseJson(nested(levels))).toEqual({
        ok: false,
        reason: `the body nests deeper than ${MAX_JSON_DEPTH} levels, the emulator's limit`,
      });
    },
  );

  it('takes a body at the limit, and any depth when told to (a batch checks each record on its own)', () => {
    expect(parseJson(nested(MAX_JSON_DEPTH)).ok).toBe(true);
    expect(parseJson(nested(5_000), Infinity).ok).toBe(true);
  });
});

describe('exceedsDepth', () => {
  it('counts objects and arrays, not scalars', () => {
    expect(exceedsDepth(1, 0)).toBe(false);
    expect(exceedsDepth([], 0)).toBe(true);
    expect(exceedsDepth({ a: [{ b: 1 }] }, 3)).toBe(false);
    expect(exceedsDepth({ a: [{ b: {} }] }, 3)).toBe(true);
  });
});
