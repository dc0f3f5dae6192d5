import { emailField } from './shared/commonFields';
import { registerView } from './shared/registerView';
import { AUTHENTICATED_STATES, type AuthenticatedState } from '../src/core/authenticatedStates';

const STATE_LABELS: Record<AuthenticatedState, string> = {
  ambiguous: 'Ambiguous',
  authenticated: 'Authenticated',
  loggedOut: 'Logged out',
};

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
          options: AUTHENTICATED_STATES.map((value) => ({ value, label: STATE_LABELS[value] })),
        },
        { name: 'primary', label: 'Primary', checkbox: true },
      ],
    },
  ],
  check: ({ identities }) =>
    Array.isArray(identities) && identities.filter((row) => row.primary === true).length > 1
      ? { identities: 'Mark one identity as primary, not several: an identity map has one primary identity.' }
      : {},
});
