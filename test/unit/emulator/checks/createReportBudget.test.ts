import { describe, expect, it } from 'vitest';
import { createReportBudget } from '../../../../src/emulator/checks/createReportBudget';

describe('createReportBudget', () => {
  it('lists entries until the allowance is spent, then one of each list, counting the rest', () => {
    const budget = createReportBudget(3);
    expect(budget.take(['a', 'b'])).toEqual({ listed: ['a', 'b'], omitted: 0 });
    expect(budget.take(['c', 'd', 'e'])).toEqual({ listed: ['c'], omitted: 2 });
    expect(budget.take(['f', 'g'])).toEqual({ listed: ['f'], omitted: 1 });
    expect(budget.take([])).toEqual({ listed: [], omitted: 0 });
  });
});
