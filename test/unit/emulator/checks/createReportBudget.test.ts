import { describe, expect, it } from 'vitest';
import { createReportBudget } from '../../../../src/emulator/checks/createReportBudget';

describe('createReportBudget', () => {
  it('lists entries until the allowance is spent, then one of each list, counting the rest', () => {
    const budget = createReportBudget({ entries: 3, chars: 1000 });
    expect(budget.take(['a', 'b'])).toEqual({ listed: ['a', 'b'], omitted: 0 });
    expect(budget.take(['c', 'd', 'e'])).toEqual({ listed: ['c'], omitted: 2 });
    expect(budget.take(['f', 'g'])).toEqual({ listed: ['f'], omitted: 1 });
    expect(budget.take([])).toEqual({ listed: [], omitted: 0 });
  });

  it('counts the characters of what it lists (as JSON): long entries spend the allowance sooner', () => {
    const budget = createReportBudget({ entries: 100, chars: 25 });
    const long = 'x'.repeat(10); // 12 characters as JSON
    expect(budget.take([long, long, long])).toEqual({ listed: [long, long], omitted: 1 });
    // Spent: the first of a list is still listed, so an address is never left unflagged.
    expect(budget.take([{ path: long }, 'a'])).toEqual({ listed: [{ path: long }], omitted: 1 });
    expect(budget.take(['b'])).toEqual({ listed: ['b'], omitted: 0 });
  });
});
