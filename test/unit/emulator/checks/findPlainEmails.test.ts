import { describe, expect, it } from 'vitest';
import { findPlainEmails } from '../../../../src/emulator/checks/findPlainEmails';

describe('findPlainEmails', () => {
  it('finds addresses in values and keys, in any script and encoding, without repeating them', () => {
    const found = findPlainEmails(
      {
        xdm: { web: { webPageDetails: { URL: 'https://shop.example/?e=ada%2540example.com' } } },
        data: { 'key.person@example.com': { note: 'idn@bücher.de' }, list: [['müller@example.com']] },
      },
      '',
    );
    expect(found).toEqual([
      'xdm.web.webPageDetails.URL',
      'data.[redacted-email] (key)',
      'data.[redacted-email].note',
      'data.list[0][0]',
    ]);
  });

  it('checks headers, whatever their name', () => {
    expect(
      findPlainEmails({ from: 'ada@example.com', accept: 'text/html', 'x-a': ['b', 'c%40d.org'] }, 'headers'),
    ).toEqual(['headers.from', 'headers.x-a[1]']);
  });

  it('leaves hashed identities and version strings alone', () => {
    expect(findPlainEmails({ id: 'a'.repeat(64), lib: 'react@18.2.0', host: 'name@localhost' })).toEqual([]);
  });
});
