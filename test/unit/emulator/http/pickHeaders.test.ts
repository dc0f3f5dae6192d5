import { describe, expect, it } from 'vitest';
import { pickHeaders } from '../../../../src/emulator/http/pickHeaders';

describe('pickHeaders', () => {
  it.each([
    ['Bearer abc.def.ghi', 'Bearer [redacted]'],
    ['Bearer\tabc.def.ghi', 'Bearer [redacted]'],
    ['Bearer  \t abc', 'Bearer [redacted]'],
    ['abc.def.ghi', '[redacted]'],
    ['Basic dXNlcjpwYXNz', 'Basic [redacted]'],
    ['Bearer', '[redacted]'],
    ['', '[redacted]'],
    ['\tsecret-token', '[redacted]'],
  ])('keeps no part of the token of Authorization %j', (value, kept) => {
    const headers = pickHeaders({ authorization: value, 'user-agent': 'ua' });
    expect(headers.authorization).toBe(kept);
    const secret = value.replace(/^(Bearer|Basic)/, '').trim();
    if (secret) expect(JSON.stringify(headers)).not.toContain(secret);
  });

  it('keeps cookie names only, and the headers worth showing', () => {
    expect(
      pickHeaders({ cookie: 'kndctr_X_identity=secret; other=1', origin: 'http://localhost:3000' }),
    ).toEqual({
      cookie: 'kndctr_X_identity; other',
      origin: 'http://localhost:3000',
    });
  });

  it('keeps only a sign that x-api-key or proxy-authorization was sent', () => {
    expect(pickHeaders({ 'x-api-key': 'client-secret', 'proxy-authorization': 'Basic abc' })).toEqual({
      'x-api-key': '[redacted]',
      'proxy-authorization': '[redacted]',
    });
  });
});
