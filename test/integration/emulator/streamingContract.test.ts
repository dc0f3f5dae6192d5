import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/startEmulator';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read deep into answers
type Loose = Record<string, any>;
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ seedDemo: true });
});
afterAll(() => emulator.close());

const envelope = (xdmEntity: Record<string, unknown>) => ({ header: {}, body: { xdmEntity } });
const goodRecord = () => ({
  _id: crypto.randomUUID(),
  eventType: 'web.webpagedetails.pageViews',
  timestamp: new Date().toISOString(),
});
const send = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
const find = async (id: string) => (await fetch(`${emulator.origin}/api/events/${id}`)).status;

describe('the streaming inlet as Experience League documents it', () => {
  it('?syncValidation=true refuses an invalid record with the violations (and drops it), and says "pass" for a valid one', async () => {
    const { inletUrl, flowId } = emulator.demo!.xdmInlet;
    const bad = {
      _id: crypto.randomUUID(),
      eventType: 'web.webpagedetails.pageViews',
      timestamp: 'yesterday',
    };
    const refused = await send(`${inletUrl}?syncValidation=true`, envelope(bad), {
      'x-adobe-flow-id': flowId,
    });
    expect(refused.status).toBe(400);
    const problem = (await refused.json()) as Loose;
    expect(problem).toMatchObject({ status: 400, title: 'Invalid XDM Message Format' });
    const [validation] = problem.report.cause._streamingValidation;
    expect(validation.causingExceptions.map((cause: Loose) => cause.pointerToViolation)).toContain(
      '#/timestamp',
    );
    expect(validation.message).toMatch(/^\d+ schema violations found$/);
    expect(await find(bad._id)).toBe(404);

    const good = goodRecord();
    const passed = await send(`${inletUrl}?syncValidation=true`, envelope(good), {
      'x-adobe-flow-id': flowId,
    });
    expect(((await passed.json()) as Loose).syncValidation).toEqual({ status: 'pass' });
    const skipped = await send(inletUrl, envelope(goodRecord()), { 'x-adobe-flow-id': flowId });
    expect(((await skipped.json()) as Loose).syncValidation).toEqual({ skipped: true });
  });

  it('takes the flow id as the x-adobe-flow-id query parameter, and refuses an XDM record with no flow id', async () => {
    const { inletUrl, flowId } = emulator.demo!.xdmInlet;
    const record = goodRecord();
    const viaQuery = await send(`${inletUrl}?x-adobe-flow-id=${flowId}`, envelope(record));
    expect(viaQuery.status).toBe(200);
    expect(await find(record._id)).toBe(200);
    const noFlow = await send(inletUrl, envelope(goodRecord()));
    expect(noFlow.status).toBe(400);
    expect(((await noFlow.json()) as Loose).type).toMatch(/invalid-flow$/);
  });

  it('the batch endpoint answers 207 always, each record with its statusCode and the id <batchId>:<i>; over 1 MB is 413', async () => {
    const { inletId, flowId } = emulator.demo!.xdmInlet;
    const batchUrl = `${emulator.origin}/collection/batch/${inletId}`;
    const allGood = await send(
      batchUrl,
      { messages: [envelope(goodRecord()), envelope(goodRecord())] },
      { 'x-adobe-flow-id': flowId },
    );
    expect(allGood.status).toBe(207);
    const answer = (await allGood.json()) as Loose;
    expect(answer.responses).toEqual([
      { xactionId: `${answer.batchId}:0`, statusCode: 200 },
      { xactionId: `${answer.batchId}:1`, statusCode: 200 },
    ]);
    const tooLarge = await send(
      batchUrl,
      { messages: Array.from({ length: 3 }, () => envelope({ ...goodRecord(), note: 'x'.repeat(400_000) })) },
      { 'x-adobe-flow-id': flowId },
    );
    expect(tooLarge.status).toBe(413);
  });
});

describe('the seeded raw inlet (docs/emulator.md, "Demo data")', () => {
  it('maps a perfect record to XDM with no warning', async () => {
    const { inletUrl, flowId } = emulator.demo!.rawInlet;
    const record = {
      id: crypto.randomUUID(),
      firstName: 'Ada',
      lastName: 'Lovelace',
      city: 'London',
      loyaltyTier: 'gold',
    };
    expect((await send(inletUrl, record, { 'x-adobe-flow-id': flowId })).status).toBe(200);
    const stored = (await (await fetch(`${emulator.origin}/api/events/${record.id}`)).json()) as Loose;
    expect(stored.xdm).toEqual({
      _id: record.id,
      person: { name: { firstName: 'Ada', lastName: 'Lovelace' } },
      homeAddress: { city: 'London' },
      loyalty: { tier: 'gold' },
    });
    expect(stored.validation).toEqual({ ok: true, findings: [], plainEmails: [], schemaViolations: [] });
  });
});
