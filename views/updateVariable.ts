import { variableNameField } from './shared/commonFields';
import { isPlainObject } from '../src/core/deepMerge';
import { registerView } from './shared/registerView';
import { isToken } from './shared/tokens';

/** The "Update variable" action view. */
export const view = registerView({
  title: 'Update variable',
  intro:
    'Changes a Variable data element: sets a value at a path, merges an object into it, or clears it. Later rules see the change.',
  fields: [
    variableNameField('The name given in the Variable data element.'),
    {
      kind: 'choice',
      name: 'operation',
      label: 'Change',
      required: true,
      help: 'Set: puts the value at the path. Merge: merges an object into the variable (its values win). Clear: empties the variable.',
      options: [
        { value: 'set', label: 'Set a value at a path' },
        { value: 'merge', label: 'Merge an object' },
        { value: 'clear', label: 'Clear' },
      ],
    },
    {
      kind: 'text',
      name: 'path',
      label: 'Path',
      dataElement: false,
      shownWhen: { field: 'operation', values: ['set'] },
      placeholder: 'commerce.order.priceTotal',
      help: 'Set only: the dotted path of the value, such as commerce.order.priceTotal. Objects along it are created.',
    },
    {
      kind: 'value',
      name: 'value',
      label: 'Value',
      shownWhen: { field: 'operation', values: ['set', 'merge'] },
      placeholder: '42, "text", { "currencyCode": "EUR" } or %data element%',
      help: 'Set: any JSON value, text, or a data element. Merge: a JSON object or a data element returning one.',
    },
  ],
  defaults: { operation: 'set' },
  // What the action would refuse at run time: a merge of something that is not an object.
  check: ({ operation, value }) =>
    operation === 'merge' &&
    value !== undefined &&
    !isPlainObject(value) &&
    !(typeof value === 'string' && isToken(value))
      ? { value: 'Merge takes a JSON object ({ "currencyCode": "EUR" }) or a data element returning one.' }
      : {},
});
