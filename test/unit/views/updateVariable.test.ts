import { describe, expect, it } from 'vitest';
import { input, loadView } from './loadView';

const fieldOf = (name: string) => document.querySelector<HTMLElement>(`[data-field="${name}"]`)!;
const choose = (operation: string) => {
  const select = document.querySelector<HTMLSelectElement>('[data-field="operation"] select')!;
  select.value = operation;
  select.dispatchEvent(new Event('change', { bubbles: true }));
};

describe('Update variable view', () => {
  it('shows Path only for Set and Value for Set and Merge, and saves only what applies', async () => {
    const { methods } = await loadView('updateVariable');
    methods.init({
      settings: { name: 'cart', operation: 'set', path: 'commerce.order.priceTotal', value: 42 },
    });
    expect([fieldOf('path').hidden, fieldOf('value').hidden]).toEqual([false, false]);
    choose('merge');
    expect([fieldOf('path').hidden, fieldOf('value').hidden]).toEqual([true, false]);
    choose('clear');
    expect([fieldOf('path').hidden, fieldOf('value').hidden]).toEqual([true, true]);
    expect(methods.validate()).toBe(true);
    expect(methods.getSettings()).toEqual({ name: 'cart', operation: 'clear' });
  });

  it('does not hold a hidden field against the form', async () => {
    const { methods } = await loadView('updateVariable');
    methods.init({ settings: { name: 'cart', operation: 'set', path: 'not a path', value: 1 } });
    expect(methods.validate()).toBe(false);
    choose('merge');
    (input('value') as HTMLTextAreaElement).value = '{ "a": 1 }';
    expect(methods.validate()).toBe(true);
    expect(methods.getSettings()).toEqual({ name: 'cart', operation: 'merge', value: { a: 1 } });
  });
});
