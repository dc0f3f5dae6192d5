import { isPlainObject, type PlainObject } from '../../src/core/deepMerge';
import { TAGS_STAGES, type TagsStage } from '../../src/tags/TagsExtensionSettings';
import { createButton } from './createButton';
import { createFieldShell } from './createFieldShell';
import { createPickerButton, insertToken } from './createPickerButton';
import { asText, createTextInput } from './createTextInput';
import { el, uniqueId } from './dom';
import type { FieldControl, OverridesSpec } from './FieldSpec';
import { hasToken, isToken } from './tokens';
import { datastreamId, type Validator } from './validators';

/** One input of an environment: where its value sits in Adobe's overrides, its label and check. */
interface OverrideInput {
  key: string;
  path: string[];
  label: string;
  placeholder: string;
  validate?: Validator;
  /** The saved value from the text (a list of report suites, a number). */
  toValue?(text: string): unknown;
}

const wholeNumber: Validator = (value) =>
  isToken(value) || /^\d+$/.test(value)
    ? undefined
    : 'Enter a whole number such as 12, or pick a data element.';
const suiteList: Validator = (value) =>
  value.split(',').every((suite) => isToken(suite) || /^[^\s%]+$/.test(suite.trim()))
    ? undefined
    : 'Enter report suite IDs separated by commas (no spaces inside one), or data elements.';

/** The settings Adobe's Web SDK extension offers per environment, where they go in the overrides. */
const INPUTS: OverrideInput[] = [
  {
    key: 'datastreamId',
    path: ['datastreamId'],
    label: 'Datastream ID',
    placeholder: '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b',
    validate: datastreamId,
  },
  {
    key: 'datasetId',
    path: ['com_adobe_experience_platform', 'datasets', 'event', 'datasetId'],
    label: 'Event dataset',
    placeholder: '6335faf30f5a161c0b4b1444',
  },
  {
    key: 'reportSuites',
    path: ['com_adobe_analytics', 'reportSuites'],
    label: 'Report suites',
    placeholder: 'rs-global, rs-eu',
    validate: suiteList,
    toValue: (text) =>
      text
        .split(',')
        .map((suite) => suite.trim())
        .filter(Boolean),
  },
  {
    key: 'idSyncContainerId',
    path: ['com_adobe_identity', 'idSyncContainerId'],
    label: 'ID sync container',
    placeholder: '12',
    validate: wholeNumber,
    toValue: (text) => (/^\d+$/.test(text) ? Number(text) : text),
  },
  {
    key: 'propertyToken',
    path: ['com_adobe_target', 'propertyToken'],
    label: 'Target property token',
    placeholder: 'a1b2c3d4-…',
  },
];

const LABELS: Record<TagsStage, string> = {
  production: 'Production',
  staging: 'Staging',
  development: 'Development',
};

const at = (value: unknown, path: string[]): unknown =>
  path.reduce<unknown>((holder, key) => (isPlainObject(holder) ? holder[key] : undefined), value);

/** Sets `value` at `path` of `target`, making the objects on the way. */
function put(target: PlainObject, path: string[], value: unknown): void {
  let holder = target;
  for (const key of path.slice(0, -1))
    holder = (holder[key] = isPlainObject(holder[key]) ? holder[key] : {}) as PlainObject;
  holder[path.at(-1)!] = value;
}

/** The saved value without what the form shows (other products' settings stay as they were). */
function withoutShown(value: unknown): PlainObject {
  const rest = structuredClone(isPlainObject(value) ? value : {}) as PlainObject;
  for (const input of INPUTS) {
    const parent = at(rest, input.path.slice(0, -1));
    if (isPlainObject(parent)) delete parent[input.path.at(-1)!];
  }
  const prune = (object: PlainObject) => {
    for (const [key, item] of Object.entries(object))
      if (isPlainObject(item)) {
        prune(item);
        if (!Object.keys(item).length) delete object[key];
      }
  };
  prune(rest);
  return rest;
}

/** A text input with a data element picker and its own error line, in a labelled row. */
function tokenInput(label: string, placeholder: string) {
  const id = uniqueId(label);
  const row = el('div', 'ec-override');
  const caption = el('label', 'spectrum-FieldLabel spectrum-FieldLabel--sizeS', label);
  caption.htmlFor = id;
  const line = el('div', 'ec-row');
  const { wrapper, input } = createTextInput(id, { placeholder });
  line.append(
    wrapper,
    createPickerButton(label, (token) => insertToken(input, token)),
  );
  const error = el('div', 'spectrum-HelpText-text ec-sub-error');
  error.hidden = true;
  row.append(caption, line, error);
  const flag = (message: string | undefined) => {
    error.textContent = message ?? '';
    error.hidden = !message;
    wrapper.classList.toggle('is-invalid', Boolean(message));
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  };
  return { row, input, flag };
}

/**
 * Datastream configuration overrides as Adobe's Web SDK extension shows them: one tab per
 * environment, each with a datastream ID, event dataset, report suites, ID sync container and
 * Target property token (each a value or a data element), or the environment's overrides, or all
 * of them, from one data element. Saved as Adobe's `{ production: {…}, staging: {…}, … }`;
 * settings of other products in a saved value are kept. A wrong value is flagged beside its input.
 */
export function createOverridesField(spec: OverridesSpec): FieldControl {
  const shell = createFieldShell(spec, uniqueId(spec.name));
  shell.row.classList.add('ec-row--stacked');
  const whole = tokenInput('All overrides from a data element', '%overrides%');
  const tabs = el('div', 'ec-tabs');
  tabs.setAttribute('role', 'tablist');
  const environments = TAGS_STAGES.map((stage) => {
    const panel = el('div', 'ec-environment');
    panel.dataset.environment = stage;
    const tab = createButton('ec-env-tab', LABELS[stage], 'quiet');
    tab.setAttribute('role', 'tab');
    tabs.append(tab);
    const fromElement = tokenInput(`${LABELS[stage]} overrides from a data element`, '%overrides%');
    const inputs = INPUTS.map((input) => ({
      ...input,
      ...tokenInput(`${LABELS[stage]} ${input.label.toLowerCase()}`, input.placeholder),
    }));
    for (const input of inputs) input.row.dataset.override = input.key;
    panel.append(fromElement.row, ...inputs.map((input) => input.row));
    let kept: PlainObject = {};
    return {
      stage,
      panel,
      tab,
      fromElement,
      inputs,
      keep: (value: PlainObject) => (kept = value),
      kept: () => kept,
    };
  });
  const show = (stage: TagsStage) => {
    for (const environment of environments) {
      const on = environment.stage === stage;
      environment.panel.hidden = !on;
      environment.tab.setAttribute('aria-selected', String(on));
      environment.tab.classList.toggle('is-selected', on);
    }
  };
  for (const environment of environments)
    environment.tab.addEventListener('click', () => show(environment.stage));
  const perEnvironment = el('div', 'ec-environments');
  perEnvironment.append(tabs, ...environments.map((environment) => environment.panel));
  shell.row.append(whole.row, perEnvironment);
  const syncWhole = () => {
    perEnvironment.hidden = Boolean(whole.input.value.trim());
  };
  whole.input.addEventListener('input', syncWhole);

  /** Every wrong value, flagged beside its input; the first, with its place, for the field. */
  const check = (): string | undefined => {
    const problems: Array<[TagsStage, string]> = [];
    const flagged = (
      stage: TagsStage,
      text: string,
      message: string | undefined,
      flag: (m?: string) => void,
    ) => {
      flag(message);
      if (message) problems.push([stage, `${text}: ${message}`]);
    };
    const wholeText = whole.input.value.trim();
    whole.flag(
      wholeText && !isToken(wholeText) ? 'Pick one data element that returns the overrides.' : undefined,
    );
    if (wholeText) return isToken(wholeText) ? undefined : 'All overrides: pick one data element.';
    for (const { stage, fromElement, inputs } of environments) {
      const token = fromElement.input.value.trim();
      flagged(
        stage,
        'from a data element',
        token && !isToken(token)
          ? "Pick one data element that returns this environment's overrides."
          : undefined,
        fromElement.flag,
      );
      for (const input of inputs) {
        const text = input.input.value.trim();
        flagged(stage, input.label, text && !token ? input.validate?.(text) : undefined, input.flag);
      }
    }
    const [first] = problems;
    if (first) show(first[0]);
    return first && `${LABELS[first[0]]} › ${first[1]}`;
  };

  return {
    element: shell.element,
    read() {
      const error = check();
      const wholeText = whole.input.value.trim();
      if (wholeText) return error ? { value: wholeText, error } : { value: wholeText };
      const value: PlainObject = {};
      for (const { stage, fromElement, inputs, kept } of environments) {
        const token = fromElement.input.value.trim();
        if (token) {
          value[stage] = token;
          continue;
        }
        const overrides = structuredClone(kept());
        for (const input of inputs) {
          const text = input.input.value.trim();
          if (text) put(overrides, input.path, input.toValue ? input.toValue(text) : text);
        }
        if (Object.keys(overrides).length) value[stage] = overrides;
      }
      if (!Object.keys(value).length) return error ? { error } : {};
      return error ? { value, error } : { value };
    },
    write(saved) {
      const wholeToken = typeof saved === 'string' && hasToken(saved) ? saved : '';
      whole.input.value = wholeToken;
      for (const environment of environments) {
        const value = isPlainObject(saved) ? saved[environment.stage] : undefined;
        environment.fromElement.input.value = typeof value === 'string' ? value : '';
        environment.keep(withoutShown(value));
        for (const input of environment.inputs) {
          const field = at(value, input.path);
          input.input.value = Array.isArray(field) ? field.join(', ') : asText(field);
        }
      }
      for (const { flag } of [whole, ...environments.flatMap((e) => [e.fromElement, ...e.inputs])])
        flag(undefined);
      syncWhole();
      show('production');
    },
    showError(message) {
      shell.showError(message);
      // The shell marks every input of the field; only the wrong ones stay marked.
      if (message) check();
    },
  };
}
