import { describe, expect, it } from 'vitest';
import { EdgeCollectorError } from '../../../../src/core/EdgeCollectorError';
import { createSendEvent } from '../../../../src/tags/actions/createSendEvent';
import { createSendPageView } from '../../../../src/tags/actions/createSendPageView';
import { fakePage, result } from '../fakePage';

describe('Send page view', () => {
  it('sends the settings as page view options and resolves', async () => {
    const { page, logger, created } = fakePage();
    await expect(
      createSendPageView(page)({ name: 'home', email: 'ada@example.com', xdm: { a: 1 }, data: '' }),
    ).resolves.toBeUndefined();
    expect(created[0]!.collector.sendPageView).toHaveBeenCalledWith({
      name: 'home',
      url: undefined,
      email: 'ada@example.com',
      xdm: { a: 1 },
      data: undefined,
    });
    expect(logger.error).not.toHaveBeenCalled();
    expect(logger.log).toHaveBeenCalledWith('Send page view: request req-page answered');
  });

  it('sends without a broken field, logging which one', async () => {
    const { page, logger, created } = fakePage();
    await createSendPageView(page)({ xdm: '%no such element%' });
    expect(created[0]!.collector.sendPageView).toHaveBeenCalledWith(
      expect.objectContaining({ xdm: undefined }),
    );
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining('Send page view: XDM object: "%no such element%" is not a known data element'),
    );
  });

  it('rejects and logs when the send fails, without an unhandled rejection when nobody awaits', async () => {
    const { page, logger, created } = fakePage();
    const collector = page.getCollector();
    expect(collector).toBeDefined();
    created[0]!.collector.sendPageView.mockRejectedValueOnce(
      new EdgeCollectorError('response', 'request r-1 was refused with HTTP 400: bad', { requestId: 'r-1' }),
    );
    const outcome = createSendPageView(page)({});
    await expect(outcome).rejects.toThrow('HTTP 400');
    expect(logger.error).toHaveBeenCalledWith(
      'Send page view failed: request r-1 was refused with HTTP 400: bad',
    );
    expect(page.lastRequestId()).toBe('r-1');

    // Rule component sequencing off: Turbine drops the promise. Vitest fails the run on an unhandled rejection.
    created[0]!.collector.sendPageView.mockRejectedValueOnce(new Error('offline'));
    void createSendPageView(page)({});
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(logger.error).toHaveBeenLastCalledWith('Send page view failed: offline');
  });

  it('never throws synchronously when the configuration is invalid', async () => {
    const { page, logger } = fakePage({});
    const outcome = createSendPageView(page)({});
    await expect(outcome).rejects.toThrow('extension configuration is invalid');
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('datastreamId is missing'));
  });

  it('logs the warnings the core returns, and an event that on-before-send cancelled', async () => {
    const { page, logger, created } = fakePage();
    page.getCollector();
    created[0]!.collector.sendPageView.mockResolvedValueOnce(
      result('r-2', ['email was not sent: it is empty']),
    );
    await createSendPageView(page)({});
    expect(logger.warn).toHaveBeenCalledWith('Send page view: email was not sent: it is empty');
    created[0]!.collector.sendPageView.mockResolvedValueOnce(result(''));
    await createSendPageView(page)({});
    expect(logger.log).toHaveBeenLastCalledWith(
      'Send page view: cancelled by on before event send; nothing was sent',
    );
  });
});

describe('Send event', () => {
  it('sends the event type with XDM, data and e-mail', async () => {
    const { page, created } = fakePage();
    await createSendEvent(page)({ eventType: 'commerce.productViews', data: { sku: 'x' }, email: 'a@b.co' });
    expect(created[0]!.collector.sendEvent).toHaveBeenCalledWith({
      eventType: 'commerce.productViews',
      url: undefined,
      email: 'a@b.co',
      xdm: undefined,
      data: { sku: 'x' },
    });
  });

  it('rejects with a clear message when the event type is empty', async () => {
    const { page, logger } = fakePage();
    await expect(createSendEvent(page)({ eventType: '' })).rejects.toThrow('event type is empty');
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining('Send event failed: the event type is empty'),
    );
  });
});

describe('a send that uses a Variable', () => {
  it('sends what the Variable held, then empties it when it is marked "clear after send"', async () => {
    const { page, created, logger } = fakePage();
    page.variables.update('cart', { operation: 'set', path: 'commerce.cart.id', value: 'c-1' });
    const xdm = page.variables.read('cart', { clearAfterSend: true });
    await createSendEvent(page)({ eventType: 'commerce.checkouts', xdm });
    expect(created[0]!.collector.sendEvent).toHaveBeenCalledWith(
      expect.objectContaining({ xdm: { commerce: { cart: { id: 'c-1' } } } }),
    );
    expect(page.variables.read('cart', { clearAfterSend: true })).toEqual({});
    expect(logger.log).toHaveBeenCalledWith('Send event: cleared the variable(s) cart');
  });

  it('keeps a Variable that is not marked, and one the send did not use', async () => {
    const { page } = fakePage();
    page.variables.update('kept', { operation: 'merge', value: { a: 1 } });
    page.variables.update('other', { operation: 'merge', value: { b: 2 } });
    const data = page.variables.read('kept');
    page.variables.read('other', { clearAfterSend: true });
    await createSendPageView(page)({ data });
    expect(page.variables.read('kept')).toEqual({ a: 1 });
    expect(page.variables.read('other', { clearAfterSend: true })).toEqual({ b: 2 });
  });
});
