import { el } from './dom';

/** A Spectrum text field (`<input>`, or `<textarea>` when `multiline`) with the given id. */
export function createTextInput<M extends boolean = false>(
  id: string,
  options: { multiline?: M; placeholder?: string; label?: string } = {},
): { wrapper: HTMLElement; input: M extends true ? HTMLTextAreaElement : HTMLInputElement } {
  const wrapper = el(
    'div',
    `spectrum-Textfield spectrum-Textfield--sizeM${options.multiline ? ' spectrum-Textfield--multiline' : ''}`,
  );
  const input = options.multiline
    ? el('textarea', 'spectrum-Textfield-input')
    : el('input', 'spectrum-Textfield-input');
  if (input instanceof HTMLInputElement) input.type = 'text';
  input.id = id;
  input.spellcheck = false;
  input.setAttribute('aria-describedby', `${id}-help ${id}-error`);
  if (options.placeholder) input.placeholder = options.placeholder;
  if (options.label) input.setAttribute('aria-label', options.label);
  wrapper.append(input);
  return { wrapper, input: input as M extends true ? HTMLTextAreaElement : HTMLInputElement };
}

/** A saved value shown in a text input: strings as they are, other scalars as text, nothing as empty. */
export function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : String(value);
}
