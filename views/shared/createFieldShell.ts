import { el } from './dom';
import type { FieldSpec } from './FieldSpec';

/** The frame around a control: label, the control's row, help text, and a place for its error. */
export interface FieldShell {
  element: HTMLElement;
  /** Where the control and its buttons go. */
  row: HTMLElement;
  showError(message: string | undefined): void;
}

/** Builds the label / help / error frame every field shares, in Spectrum's markup. */
export function createFieldShell(spec: FieldSpec, inputId: string): FieldShell {
  const element = el('div', 'ec-field');
  element.dataset.field = spec.name;
  const label = el('label', 'spectrum-FieldLabel spectrum-FieldLabel--sizeM', spec.label);
  label.htmlFor = inputId;
  if (spec.required) {
    label.append(el('span', 'ec-required', ' *'));
    label.title = 'Required';
  }
  const row = el('div', 'ec-row');
  const help = el('div', 'spectrum-HelpText spectrum-HelpText--sizeM spectrum-HelpText--neutral');
  const helpText = el('div', 'spectrum-HelpText-text', spec.help);
  helpText.id = `${inputId}-help`;
  help.append(helpText);
  const error = el('div', 'spectrum-HelpText spectrum-HelpText--sizeM spectrum-HelpText--negative ec-error');
  const errorText = el('div', 'spectrum-HelpText-text');
  errorText.id = `${inputId}-error`;
  error.append(errorText);
  error.setAttribute('role', 'alert');
  error.hidden = true;
  element.append(label, row, error, help);
  return {
    element,
    row,
    showError(message) {
      errorText.textContent = message ?? '';
      error.hidden = !message;
      // Spectrum shows the error in place of the help text.
      help.hidden = Boolean(message);
      element.classList.toggle('is-invalid', Boolean(message));
      for (const field of element.querySelectorAll('.spectrum-Textfield'))
        field.classList.toggle('is-invalid', Boolean(message));
      for (const input of element.querySelectorAll('input, textarea, select')) {
        if (message) input.setAttribute('aria-invalid', 'true');
        else input.removeAttribute('aria-invalid');
      }
    },
  };
}
