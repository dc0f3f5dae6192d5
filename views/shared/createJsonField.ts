import { createFieldShell } from './createFieldShell';
import { createPickerButton } from './createPickerButton';
import { createTextInput } from './createTextInput';
import { uniqueId } from './dom';
import type { FieldControl, JsonSpec } from './FieldSpec';
import { isToken } from './tokens';

/** Reads the text area: a data element token, a JSON object, or the reason it is neither. */
export function parseObjectText(text: string, label: string): { value?: unknown; error?: string } {
  const trimmed = text.trim();
  if (!trimmed) return {};
  if (isToken(trimmed)) return { value: trimmed };
  try {
    const parsed: unknown = JSON.parse(trimmed);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return { value: parsed };
    return { error: `${label} must be a JSON object ({ … }) or one data element.` };
  } catch (error) {
    return { error: `${label} is not valid JSON: ${(error as Error).message}` };
  }
}

/** An object setting: JSON in a text area, or one data element returning an object. */
export function createJsonField(spec: JsonSpec): FieldControl {
  const id = uniqueId(spec.name);
  const shell = createFieldShell(spec, id);
  const { wrapper, input } = createTextInput(id, { multiline: true, placeholder: spec.placeholder });
  input.rows = 5;
  shell.row.append(
    wrapper,
    createPickerButton(spec.label, (token) => {
      // An object comes whole from one data element: the token replaces what was typed.
      input.value = token;
    }),
  );
  return {
    element: shell.element,
    read() {
      const result = parseObjectText(input.value, spec.label);
      if (result.value === undefined && !result.error && spec.required)
        return { error: `${spec.label} is required.` };
      return result;
    },
    write(value) {
      if (value === undefined || value === null) input.value = '';
      else input.value = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
    },
    showError: shell.showError,
  };
}
