/**
 * The `authenticatedState` values of an XDM identity
 * (https://github.com/adobe/xdm/blob/master/docs/reference/datatypes/identityitem.schema.md): the one
 * list the core, the Tags identity map, its view and the emulator check against.
 */
export const AUTHENTICATED_STATES = ['ambiguous', 'authenticated', 'loggedOut'] as const;

/** One of {@link AUTHENTICATED_STATES}. */
export type AuthenticatedState = (typeof AUTHENTICATED_STATES)[number];
