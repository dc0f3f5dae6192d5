import { createFieldShell } from './createFieldShell';
import { createPickerButton, insertToken } from './createPickerButton';
import { asText, createTextInput } from './createTextInput';
import { el, uniqueId } from './dom';
import type { CheckboxSpec, FieldControl } from './FieldSpec';
import { isToken } from './tokens';

/** The tick drawn inside a checked box (Spectrum shows and scales it with `:checked`). */
function checkmark(): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 10 10');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'spectrum-Icon spectrum-UIIcon-Checkmark100 spectrum-Checkbox-checkmark');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', 'M2 5.2 4.2 7.5 8.2 2.6');
  path.setAttribute('fill', 'none');
  path.setAttribute('stroke', 'currentColor');
  path.setAttribute('stroke-width', '1.8');
  path.setAttribute('stroke-linecap', 'round');
  path.setAttribute('stroke-linejoin', 'round');
  svg.append(path);
  return svg;
}

/** A Spectrum checkbox; `text` is its visible label, otherwise `ariaLabel` names it. */
export function createCheckbox(
  id: string,
  text?: string,
  ariaLabel?: string,
): { element: HTMLElement; input: HTMLInputElement } {
  const element = el('label', 'spectrum-Checkbox spectrum-Checkbox--sizeM');
  const input = el('input', 'spectrum-Checkbox-input');
  input.type = 'checkbox';
  input.id = id;
  if (ariaLabel) input.setAttribute('aria-label', ariaLabel);
  const box = el('span', 'spectrum-Checkbox-box');
  box.append(checkmark());
  element.append(input, box);
  if (text) element.append(el('span', 'spectrum-Checkbox-label', text));
  return { element, input };
}

/**
 * An on/off setting: a checkbox, or a data element (returning true/false) that takes precedence
 * when given. Saved as a boolean or as the `%token%`.
 */
export function createCheckboxField(spec: CheckboxSpec): FieldControl {
  const id = uniqueId(spec.name);
  const shell = createFieldShell(spec, id);
  const checkbox = createCheckbox(id, spec.text);
  const token = createTextInput(`${id}-token`, {
    placeholder: 'or a data element: %name%',
    label: `${spec.label} from a data element`,
  });
  token.wrapper.classList.add('ec-token');
  shell.row.append(
    checkbox.element,
    token.wrapper,
    createPickerButton(spec.label, (value) => insertToken(token.input, value)),
  );
  const sync = () => {
    checkbox.input.disabled = Boolean(token.input.value.trim());
  };
  token.input.addEventListener('input', sync);
  return {
    element: shell.element,
    read() {
      const text = token.input.value.trim();
      if (!text) return { value: checkbox.input.checked };
      return isToken(text)
        ? { value: text }
        : {
            value: text,
            error: `${spec.label}: enter one data element such as %debug flag%, or clear it to use the checkbox.`,
          };
    },
    write(value) {
      checkbox.input.checked = value === true;
      token.input.value = typeof value === 'string' ? asText(value) : '';
      sync();
    },
    showError: shell.showError,
  };
}
