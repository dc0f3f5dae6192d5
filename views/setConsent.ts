import { registerView } from './shared/registerView';

/** The "Set consent" action view. */
export const view = registerView({
  title: 'Set consent',
  intro: 'Records whether the visitor agreed to data collection: in, out, or pending (not decided yet).',
  fields: [
    {
      kind: 'choice',
      name: 'value',
      label: 'Consent',
      required: true,
      help: 'In: send events. Out: send nothing. Pending: hold events until consent is given. A data element must return in, out or pending.',
      options: [
        { value: 'in', label: 'In' },
        { value: 'out', label: 'Out' },
        { value: 'pending', label: 'Pending' },
      ],
    },
  ],
  defaults: { value: 'in' },
});
