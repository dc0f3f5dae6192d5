import { describe, expect, it } from 'vitest';
import { findPlainEmails } from '../../../../src/emulator/checks/findPlainEmails';
import { shortenPath } from '../../../../src/emulator/checks/shortenPath';

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

  it("reads encoded dots, every byte encoded (twice too) and look-alikes, by the collector's own rule", () => {
    expect(
      findPlainEmails({
        url: '/thanks?e=ada%40example%2Ecom',
        everyByte: '%61%64%61%40%65%78%61%6D%70%6C%65%2E%63%6F%6D',
        twice: '%25%36%31%25%34%30%25%36%32%25%32%45%25%36%33%25%36%46',
        wide: 'ada\uff20example\uff0ecom',
        ideographic: '用户@例子\u3002广告',
      }),
    ).toEqual(['url', 'everyByte', 'twice', 'wide', 'ideographic']);
  });

  it('leaves hashed identities and version strings alone', () => {
    expect(findPlainEmails({ id: 'a'.repeat(64), lib: 'react@18.2.0', host: 'name@localhost' })).toEqual([]);
  });
});

describe('findPlainEmails on long paths', () => {
  it('lists a path over 200 characters by its start and end, as shortening the whole path would', () => {
    const long = 'k'.repeat(30_000);
    const found = findPlainEmails(
      { [long]: { a: 'ada@example.com', list: ['x', 'ada@example.com'] } },
      'data',
    );
    expect(found).toEqual([shortenPath(`data.${long}.a`), shortenPath(`data.${long}.list[1]`)]);
    expect(found.every((path) => path.length === 200)).toBe(true);
    expect(found[1]).toMatch(/^data\.k+…k+\.list\[1\]$/);
  });
});
