import { listInstances } from '../../src/tags/readInstances';
import { createSelect } from './createChoiceField';
import { createFieldShell } from './createFieldShell';
import { el, uniqueId } from './dom';
import type { FieldControl, InstanceSpec } from './FieldSpec';

/** The names of the configuration's instances, in order (edgeCollector for one of the old shape). */
function instanceNames(extensionSettings: Record<string, unknown> | undefined): string[] {
  const names = listInstances(extensionSettings).map((instance) =>
    typeof instance.name === 'string' ? instance.name.trim() : '',
  );
  return names.filter((name, index) => name && names.indexOf(name) === index);
}

/**
 * The instance an item runs on: a select of the configuration's instance names (Tags passes the
 * configuration to every view), the first for a new item. A saved name the configuration no longer
 * has stays shown, flagged, until another is picked: saving it would leave the rule failing.
 */
export function createInstanceField(spec: InstanceSpec): FieldControl {
  const id = uniqueId(spec.name);
  const shell = createFieldShell(spec, id);
  const wrapper = el('div', 'spectrum-Textfield spectrum-Textfield--sizeM');
  let names: string[] = [];
  let select = createSelect(id, []);
  wrapper.append(select);
  shell.row.append(wrapper);
  const fill = (chosen: string | undefined) => {
    const options = names.map((name) => ({ value: name, label: name }));
    if (chosen && !names.includes(chosen))
      options.push({ value: chosen, label: `${chosen} (not in the configuration)` });
    const next = createSelect(id, options);
    select.replaceWith(next);
    select = next;
    select.value = chosen && options.some((option) => option.value === chosen) ? chosen : (names[0] ?? '');
  };
  return {
    element: shell.element,
    readConfiguration(extensionSettings) {
      names = instanceNames(extensionSettings);
      fill(select.value || undefined);
    },
    read() {
      const value = select.value;
      if (!value) return { error: `${spec.label}: the extension configuration has no instance yet.` };
      if (!names.includes(value))
        return {
          value,
          error: `${spec.label}: the configuration has no instance "${value}" any more; pick one of ${names.join(', ')}.`,
        };
      return { value };
    },
    write(value) {
      fill(typeof value === 'string' && value.trim() ? value.trim() : undefined);
    },
    showError: shell.showError,
  };
}

/** The instance field every item that sends or listens has, first in its view. */
export const instanceField: InstanceSpec = {
  kind: 'instance',
  name: 'instanceName',
  label: 'Instance',
  help: 'Which instance of the extension configuration this runs on (Extensions > Edge Collector > Configure lists them). The first one unless you pick another.',
};
