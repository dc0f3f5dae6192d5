/** The XDM `identityMap` namespace for hashed e-mail addresses. */
export const EMAIL_NAMESPACE = 'Email_LC_SHA256';

/** An XDM identity map: namespace to a list of identities. */
export type IdentityMap = Record<
  string,
  Array<{ id: string; primary?: boolean; authenticatedState?: string }>
>;

/** Builds the identity map that carries one hashed e-mail as the primary identity. */
export function emailIdentityMap(digest: string): IdentityMap {
  return { [EMAIL_NAMESPACE]: [{ id: digest, primary: true }] };
}
