import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prepareStreamRecord } from '../../../../src/core/streaming/streamRecord';
import { DATASET_ID, FLOW_ID, INLET_URL, SCHEMA_ID, xdmOptions } from './fixtures';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('prepareStreamRecord: the XDM envelope', () => {
  it('wraps the record in header.schemaRef/flowId/datasetId and body.xdmMeta/xdmEntity, as seed 004 shows', async () => {
    const options = xdmOptions();
    const { request, warnings } = await prepareStreamRecord(options);
    const schemaRef = {
      id: SCHEMA_ID,
      contentType: 'application/vnd.adobe.xed-full-notext+json; version=1.0',
    };
    expect(JSON.parse(request.body)).toEqual({
      header: { schemaRef, flowId: FLOW_ID, datasetId: DATASET_ID },
      body: { xdmMeta: { schemaRef }, xdmEntity: options.record },
    });
    expect(request.url).toBe(INLET_URL);
    expect(request.headers).toEqual({ 'content-type': 'application/json', 'x-adobe-flow-id': FLOW_ID });
    expect(request.eventId).toBe('http-source-connector-acme-01');
    expect(request.kind).toBe('streaming');
    expect(warnings).toEqual([]);
  });

  it('gives an XDM record without _id a fresh one, and does not change the caller’s object', async () => {
    const record = { person: { name: { firstName: 'Ada' } } };
    const { request } = await prepareStreamRecord(xdmOptions({ record }));
    const entity = JSON.parse(request.body).body.xdmEntity;
    expect(entity._id).toMatch(/^[0-9a-f-]{36}$/);
    expect(request.eventId).toBe(entity._id);
    expect(record).toEqual({ person: { name: { firstName: 'Ada' } } });
  });

  it('streams a page view as an ExperienceEvent built like the interact path, with the record merged over it', async () => {
    const snapshot = () => ({
      now: new Date('2026-11-23T10:00:00Z'),
      timezoneOffset: 0,
      environment: 'browser' as const,
      url: 'https://shop.example/p',
      title: 'Shoes',
    });
    const { request } = await prepareStreamRecord(
      xdmOptions({ pageView: true, record: { web: { webPageDetails: { name: 'Shoes page' } } } }),
      {
        snapshot,
        implementation: 'standalone',
      },
    );
    const entity = JSON.parse(request.body).body.xdmEntity;
    expect(entity).toMatchObject({
      eventType: 'web.webpagedetails.pageViews',
      timestamp: '2026-11-23T10:00:00.000Z',
      web: { webPageDetails: { URL: 'https://shop.example/p', name: 'Shoes page', pageViews: { value: 1 } } },
      implementationDetails: { name: 'https://www.npmjs.com/package/edge-collector#standalone' },
    });
    expect(entity._id).toBe(request.eventId);
  });

  it('sends the access token of an authenticated inlet as a bearer token', async () => {
    const { request } = await prepareStreamRecord(xdmOptions({ accessToken: 'token-1' }));
    expect(request.headers.authorization).toBe('Bearer token-1');
  });
});

describe('prepareStreamRecord: raw records', () => {
  it('sends a raw record exactly as it is, with only the flow id header', async () => {
    const record = {
      name: 'Johnson Smith',
      location: { city: 'Seattle' },
      birthday: { year: 1984, month: 6, day: 9 },
    };
    const { request } = await prepareStreamRecord({
      inletUrl: INLET_URL,
      flowId: FLOW_ID,
      dataType: 'raw',
      record,
    });
    expect(request.body).toBe(JSON.stringify(record));
    expect(request.headers['x-adobe-flow-id']).toBe(FLOW_ID);
    expect(request.eventId).toBe(request.requestId);
  });
});

describe('prepareStreamRecord: e-mail fields', () => {
  it('hashes the named fields as the interact path does (trimmed, lower-cased SHA-256)', async () => {
    const record = {
      _id: 'p1',
      personalEmail: { address: '  Ada@Example.com ' },
      workEmail: { address: 'ada@work.example', type: 'work' },
      other: [{ email: 'a@x.example' }, { email: 'b@x.example' }],
    };
    const { request, warnings } = await prepareStreamRecord(
      xdmOptions({
        record,
        emailFields: ['personalEmail.address', 'workEmail.address', 'other.email', 'missing.field'],
      }),
    );
    const entity = JSON.parse(request.body).body.xdmEntity;
    // An XDM address field (format: email) never carries a digest: the digests go to the identity map.
    expect(entity.personalEmail).toEqual({});
    expect(entity.workEmail).toEqual({ type: 'work' });
    expect(entity.other).toEqual([{}, {}]);
    expect(entity.identityMap).toEqual({
      Email_LC_SHA256: [
        { id: sha256('ada@example.com'), primary: true },
        { id: sha256('ada@work.example') },
        { id: sha256('a@x.example') },
        { id: sha256('b@x.example') },
      ],
    });
    expect(warnings).toEqual([]);
    expect(request.body).not.toContain('@');
  });

  it('adds to an identity map the record has, leaving its primary identity primary', async () => {
    const { request } = await prepareStreamRecord(
      xdmOptions({
        record: {
          _id: 'p1',
          identityMap: { CRMID: [{ id: 'c-1', primary: true }] },
          personalEmail: { address: 'ada@example.com', primary: true },
          workEmail: { address: 'ADA@example.com' },
        },
        emailFields: ['personalEmail.address', 'workEmail.address'],
      }),
    );
    expect(JSON.parse(request.body).body.xdmEntity).toEqual({
      _id: 'p1',
      identityMap: {
        CRMID: [{ id: 'c-1', primary: true }],
        Email_LC_SHA256: [{ id: sha256('ada@example.com') }],
      },
      personalEmail: { primary: true },
      workEmail: {},
    });
  });

  it('removes a named array of addresses item by item, hashing each', async () => {
    const { request } = await prepareStreamRecord(
      xdmOptions({
        record: { _id: 'p1', emails: ['a@x.example', 'nope', 'b@x.example'] },
        emailFields: ['emails'],
      }),
    );
    const entity = JSON.parse(request.body).body.xdmEntity;
    expect(entity.emails).toEqual([]);
    expect(entity.identityMap.Email_LC_SHA256).toEqual([
      { id: sha256('a@x.example'), primary: true },
      { id: sha256('b@x.example') },
    ]);
  });

  it('hashes named fields of a raw record in place, for the mapping to place', async () => {
    const { request } = await prepareStreamRecord({
      inletUrl: INLET_URL,
      flowId: FLOW_ID,
      dataType: 'raw',
      record: { email: 'Ada@Example.com' },
      emailFields: ['email'],
    });
    expect(JSON.parse(request.body)).toEqual({ email: sha256('ada@example.com') });
  });

  it('removes a named field that is not an address, with a warning that does not repeat it', async () => {
    const { request, warnings } = await prepareStreamRecord(
      xdmOptions({
        record: { _id: 'p1', personalEmail: { address: 'not an address' } },
        emailFields: ['personalEmail.address'],
      }),
    );
    expect(JSON.parse(request.body).body.xdmEntity).toEqual({ _id: 'p1', personalEmail: {} });
    expect(warnings).toEqual(['personalEmail.address: email was not sent: it is not an e-mail address']);
    expect(warnings.join()).not.toContain('not an address');
  });

  it('replaces a plain address left in a field nobody named, and says how to send it', async () => {
    const { request, warnings } = await prepareStreamRecord(
      xdmOptions({ record: { _id: 'p1', note: 'write to ada@example.com' } }),
    );
    expect(JSON.parse(request.body).body.xdmEntity.note).toBe('write to [redacted-email]');
    expect(warnings[0]).toMatch(/note was replaced before sending \(name the field in emailFields/);
  });

  it('sends the record untouched when hashing is switched off', async () => {
    const record = { _id: 'p1', personalEmail: { address: 'ada@example.com' } };
    const { request } = await prepareStreamRecord(
      xdmOptions({ record, emailFields: ['personalEmail.address'], hashEmails: false }),
    );
    expect(JSON.parse(request.body).body.xdmEntity).toEqual(record);
  });
});
