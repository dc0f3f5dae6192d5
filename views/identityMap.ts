import { emailField } from './shared/commonFields';
import { registerView } from './shared/registerView';

/** The "Identity map" data element view. */
export const view = registerView({
  title: 'Identity map',
  intro:
    'Returns an XDM identityMap to use in an XDM object. Identities whose ID is empty at run time are left out.',
  fields: [
    emailField,
    {
      kind: 'rows',
      name: 'identities',
      label: 'Other identities',
      addLabel: 'Add identity',
      help: 'Namespace: the identity namespace code in Experience Platform, for example CRMID. The e-mail identity is primary unless you mark another one.',
      columns: [
        { name: 'namespace', label: 'Namespace', required: true },
        { name: 'id', label: 'ID', required: true, dataElement: true },
        {
          name: 'authenticatedState',
          label: 'Authenticated state',
          options: [
            { value: 'ambiguous', label: 'Ambiguous' },
            { value: 'authenticated', label: 'Authenticated' },
            { value: 'loggedOut', label: 'Logged out' },
          ],
        },
        { name: 'primary', label: 'Primary', checkbox: true },
      ],
    },
  ],
});
