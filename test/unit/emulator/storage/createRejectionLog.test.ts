import { describe, expect, it } from 'vitest';
import { createRejectionLog } from '../../../../src/emulator/storage/createRejectionLog';

const rejection = (status: number) => ({
  at: 0,
  method: 'POST',
  path: '/api/events',
  status,
  type: 'about:blank',
  title: 'Refused',
  detail: 'because',
});

describe('createRejectionLog', () => {
  it('keeps the newest refusals up to its limit, logs each one, and tells subscribers', () => {
    const lines: string[] = [];
    const heard: number[] = [];
    const log = createRejectionLog({ max: 2, log: (line) => lines.push(line) });
    const stop = log.subscribe((item) => heard.push(item.status));
    log.record(rejection(400));
    log.record(rejection(403));
    stop();
    log.record(rejection(421));
    expect(log.list().map((item) => item.status)).toEqual([403, 421]);
    expect(heard).toEqual([400, 403]);
    expect(lines[2]).toBe('refused 421 POST /api/events: Refused (because)');
    log.clear();
    expect(log.list()).toEqual([]);
  });
});
