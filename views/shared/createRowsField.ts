import { createButton } from './createButton';
import { createCheckbox } from './createCheckboxField';
import { createSelect } from './createChoiceField';
import { createFieldShell } from './createFieldShell';
import { createPickerButton, insertToken } from './createPickerButton';
import { asText, createTextInput } from './createTextInput';
import { el, uniqueId } from './dom';
import type { FieldControl, RowsSpec } from './FieldSpec';

type Column = RowsSpec['columns'][number];

/** One rendered cell: how to read and fill it. */
interface Cell {
  column: Column;
  element: HTMLElement;
  read(): string | boolean;
  write(value: unknown): void;
}

function createCell(column: Column, id: string): Cell {
  const element = el('div', 'ec-cell');
  element.append(el('span', 'spectrum-FieldLabel spectrum-FieldLabel--sizeS', column.label));
  if (column.checkbox) {
    const { element: label, input } = createCheckbox(id, undefined, column.label);
    element.append(label);
    return { column, element, read: () => input.checked, write: (value) => (input.checked = value === true) };
  }
  if (column.options) {
    const wrapper = el('div', 'spectrum-Textfield spectrum-Textfield--sizeM');
    // An optional column offers "not set": a saved row without the value must come back without it.
    const options = column.required ? column.options : [{ value: '', label: '(not set)' }, ...column.options];
    const select = createSelect(id, options, column.label);
    wrapper.append(select);
    element.append(wrapper);
    return {
      column,
      element,
      read: () => select.value,
      write: (value) => {
        select.value = options.some((option) => option.value === value)
          ? String(value)
          : (options[0]?.value ?? '');
      },
    };
  }
  const { wrapper, input } = createTextInput(id, { label: column.label });
  const line = el('div', 'ec-row');
  line.append(wrapper);
  if (column.dataElement) line.append(createPickerButton(column.label, (token) => insertToken(input, token)));
  element.append(line);
  return { column, element, read: () => input.value.trim(), write: (value) => (input.value = asText(value)) };
}

/** A list of rows (identities of an identity map, for instance) with add and remove buttons. */
export function createRowsField(spec: RowsSpec): FieldControl {
  const id = uniqueId(spec.name);
  const shell = createFieldShell(spec, id);
  const list = el('div', 'ec-rows');
  list.id = id;
  const rows: Cell[][] = [];
  const addRow = (values: Record<string, unknown> = {}) => {
    const row = el('div', 'ec-rows-row');
    const cells = spec.columns.map((column) => createCell(column, uniqueId(`${spec.name}-${column.name}`)));
    for (const cell of cells) {
      cell.write(values[cell.column.name]);
      row.append(cell.element);
    }
    const remove = createButton('ec-remove', 'Remove', 'quiet');
    remove.addEventListener('click', () => {
      rows.splice(rows.indexOf(cells), 1);
      row.remove();
    });
    row.append(remove);
    rows.push(cells);
    list.append(row);
  };
  const add = createButton('ec-add', spec.addLabel);
  add.addEventListener('click', () => addRow());
  shell.row.classList.add('ec-row--stacked');
  shell.row.append(list, add);
  return {
    element: shell.element,
    read() {
      const value: Array<Record<string, string | boolean>> = [];
      const missing = new Set<string>();
      for (const cells of rows) {
        const entry: Record<string, string | boolean> = {};
        const rowMissing: string[] = [];
        for (const cell of cells) {
          const cellValue = cell.read();
          if (cellValue === '' || cellValue === false) {
            if (cell.column.required) rowMissing.push(cell.column.label);
          } else entry[cell.column.name] = cellValue;
        }
        // A row left completely empty is ignored rather than reported.
        if (!Object.keys(entry).length) continue;
        value.push(entry);
        for (const label of rowMissing) missing.add(label);
      }
      const error = missing.size
        ? `Every ${spec.addLabel.replace(/^Add /i, '')} needs: ${[...missing].join(', ')}.`
        : undefined;
      if (!value.length) return error ? { error } : {};
      return error ? { value, error } : { value };
    },
    write(value) {
      rows.splice(0);
      list.replaceChildren();
      if (Array.isArray(value))
        for (const item of value)
          addRow(item && typeof item === 'object' ? (item as Record<string, unknown>) : {});
    },
    showError: shell.showError,
  };
}
