import { describe, expect, it } from 'vitest';
import { createUpdateVariable } from '../../../../src/tags/actions/createUpdateVariable';
import { createVariable } from '../../../../src/tags/dataElements/createVariable';
import { fakePage } from '../fakePage';

describe('Update variable and the Variable data element', () => {
  it('build an object across rules that the data element returns', async () => {
    const { page, logger } = fakePage();
    const update = createUpdateVariable(page);
    const variable = createVariable(page);
    await update({ name: 'checkout', operation: 'set', path: 'commerce.order.priceTotal', value: 19.99 });
    await update({
      name: 'checkout',
      operation: 'merge',
      value: { commerce: { order: { currencyCode: 'EUR' } } },
    });
    expect(variable({ name: 'checkout' })).toEqual({
      commerce: { order: { priceTotal: 19.99, currencyCode: 'EUR' } },
    });
    expect(variable({ name: 'other' })).toEqual({});
    await update({ name: 'checkout', operation: 'clear' });
    expect(variable({ name: 'checkout' })).toEqual({});
    expect(logger.error).not.toHaveBeenCalled();
  });

  it('logs and rejects a bad change, leaving the variable as it was', async () => {
    const { page, logger } = fakePage();
    const update = createUpdateVariable(page);
    await update({ name: 'v', operation: 'set', path: 'a', value: 1 });
    await expect(update({ name: 'v', operation: 'merge', value: 'not an object' })).rejects.toThrow();
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringMatching(/^Update variable failed: merge needs an object/),
    );
    await expect(update({ operation: 'clear' })).rejects.toThrow(/variable name is empty/);
    expect(createVariable(page)({ name: 'v' })).toEqual({ a: 1 });
  });
});
