import { registerView } from './shared/registerView';

/** The "Hashed e-mail" data element view. */
export const view = registerView({
  title: 'Hashed e-mail',
  intro:
    'Returns the Email_LC_SHA256 identity: the SHA-256 digest of the trimmed, lower-cased address. The address itself never leaves the page.',
  fields: [
    {
      kind: 'text',
      name: 'email',
      label: 'E-mail address',
      required: true,
      help: 'Usually a data element holding the signed-in visitor’s address.',
      placeholder: '%user email%',
    },
  ],
});
