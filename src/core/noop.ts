/** Does nothing: the handler of a failure that needs none (a write or an add-on that did not take). */
export const noop = (): void => {};
