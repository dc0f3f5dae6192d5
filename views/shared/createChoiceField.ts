import { createFieldShell } from './createFieldShell';
import { createPickerButton, insertToken } from './createPickerButton';
import { createTextInput } from './createTextInput';
import { el, uniqueId } from './dom';
import type { ChoiceSpec, FieldControl } from './FieldSpec';
import { isToken } from './tokens';

const FROM_DATA_ELEMENT = '__data_element__';

/** A native `<select>` in Spectrum text field clothes (the Spectrum picker needs a framework). */
export function createSelect(
  id: string,
  options: Array<{ value: string; label: string }>,
  label?: string,
): HTMLSelectElement {
  const select = el('select', 'spectrum-Textfield-input ec-select');
  select.id = id;
  if (label) select.setAttribute('aria-label', label);
  for (const option of options) {
    const item = el('option', undefined, option.label);
    item.value = option.value;
    select.append(item);
  }
  return select;
}

/** One of a few values, or "from a data element" with a token field and picker. */
export function createChoiceField(spec: ChoiceSpec): FieldControl {
  const id = uniqueId(spec.name);
  const shell = createFieldShell(spec, id);
  const selectWrapper = el('div', 'spectrum-Textfield spectrum-Textfield--sizeM');
  const select = createSelect(id, [
    ...spec.options,
    { value: FROM_DATA_ELEMENT, label: 'From a data element…' },
  ]);
  selectWrapper.append(select);
  const token = createTextInput(`${id}-token`, {
    placeholder: '%data element%',
    label: `${spec.label} from a data element`,
  });
  token.wrapper.classList.add('ec-token');
  const picker = createPickerButton(spec.label, (value) => insertToken(token.input, value));
  shell.row.append(selectWrapper, token.wrapper, picker);
  const sync = () => {
    const fromDataElement = select.value === FROM_DATA_ELEMENT;
    token.wrapper.hidden = !fromDataElement;
    picker.hidden = !fromDataElement;
  };
  select.addEventListener('change', sync);
  return {
    element: shell.element,
    read() {
      if (select.value !== FROM_DATA_ELEMENT) return { value: select.value };
      const text = token.input.value.trim();
      if (isToken(text)) return { value: text };
      return {
        error: `${spec.label}: pick a data element that returns ${spec.dataElementReturns ?? spec.options.map((o) => `"${o.value}"`).join(', ')}.`,
      };
    },
    write(value) {
      const known = spec.options.some((option) => option.value === value);
      if (typeof value === 'string' && value && !known) {
        select.value = FROM_DATA_ELEMENT;
        token.input.value = value;
      } else {
        select.value = known ? (value as string) : (spec.options[0]?.value ?? '');
        token.input.value = '';
      }
      sync();
    },
    showError: shell.showError,
  };
}
