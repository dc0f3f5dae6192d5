import { createFieldShell } from './createFieldShell';
import { createPickerButton, insertToken } from './createPickerButton';
import { asText, createTextInput } from './createTextInput';
import { uniqueId } from './dom';
import type { FieldControl, TextSpec } from './FieldSpec';

/** A one-line text setting, saved trimmed; left out of the settings when empty. */
export function createTextField(spec: TextSpec): FieldControl {
  const id = uniqueId(spec.name);
  const shell = createFieldShell(spec, id);
  const { wrapper, input } = createTextInput(id, { placeholder: spec.placeholder });
  shell.row.append(wrapper);
  if (spec.dataElement !== false)
    shell.row.append(createPickerButton(spec.label, (token) => insertToken(input, token)));
  return {
    element: shell.element,
    read() {
      const value = input.value.trim();
      if (!value) return spec.required ? { error: `${spec.label} is required.` } : {};
      const error = spec.validate?.(value);
      return error ? { value, error } : { value };
    },
    write(value) {
      input.value = asText(value);
    },
    showError: shell.showError,
  };
}
