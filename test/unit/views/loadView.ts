import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import type { ViewMethods } from '../../../views/shared/ExtensionBridge';

/** The views, by the name of their `views/<name>.ts` file. */
export const VIEW_NAMES = [
  'configuration',
  'sendPageView',
  'sendEvent',
  'setConsent',
  'hashedEmail',
  'identityMap',
  'xdmPageView',
  'streamRecord',
  'variable',
  'updateVariable',
  'redirectWithIdentity',
  'instance',
] as const;

/**
 * Loads a view as Tags would: its page body, a stand-in `window.extensionBridge`, then its script.
 * Returns what the view registered and the bridge's picker spy.
 */
export async function loadView(name: string, pickedToken = '%user email%') {
  // Tags opens each view at its own page; the views find their settings schema by its file name.
  history.replaceState(null, '', `/${name}.html`);
  const html = readFileSync(join(import.meta.dirname, '../../../views/shared/view.html'), 'utf8');
  document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(html)![1]!;
  const register = vi.fn();
  const openDataElementSelector = vi.fn(async () => pickedToken);
  (window as unknown as { extensionBridge: unknown }).extensionBridge = { register, openDataElementSelector };
  vi.resetModules();
  await import(`../../../views/${name}.ts`);
  const methods = register.mock.calls[0]![0] as ViewMethods;
  return { methods, openDataElementSelector };
}

/** The input of a field, by settings key. */
export function input(name: string): HTMLInputElement | HTMLTextAreaElement {
  return document.querySelector(`[data-field="${name}"] .spectrum-Textfield-input`)!;
}

/** Types into an input as a user would. */
export function type(element: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  element.value = value;
  element.dispatchEvent(new Event('input', { bubbles: true }));
}

/** The error text shown next to a field ('' when none is shown). */
export function errorOf(name: string): string {
  const error = document.querySelector<HTMLElement>(`[data-field="${name}"] .ec-error`)!;
  return error.hidden ? '' : (error.textContent ?? '');
}
