import { describe, expect, it } from 'vitest';
import { readSendOptions } from '../../../src/tags/readSendOptions';

describe('readSendOptions', () => {
  it('keeps filled fields and leaves blank ones out', () => {
    const { options, problems } = readSendOptions({
      name: ' home ',
      url: '',
      email: 'ada@example.com',
      xdm: { a: 1 },
      data: '',
      eventType: undefined,
    });
    expect(options).toEqual({ name: 'home', email: 'ada@example.com', xdm: { a: 1 } });
    expect(problems).toEqual([]);
  });

  it('reports a data element token that did not resolve, naming the field', () => {
    const { options, problems } = readSendOptions({ xdm: '%missing xdm%' });
    expect(options.xdm).toBeUndefined();
    expect(problems).toEqual([
      expect.stringContaining('XDM object: "%missing xdm%" is not a known data element'),
    ]);
  });

  it('reports objects of the wrong kind', () => {
    const { problems } = readSendOptions({ data: [1, 2], name: { x: 1 } });
    expect(problems).toEqual([
      'Page name: expected text, got object',
      'Data: expected an object (from JSON or a data element), got an array',
    ]);
  });

  it('accepts no settings at all', () => {
    expect(readSendOptions(undefined)).toEqual({ options: {}, problems: [] });
  });
});
