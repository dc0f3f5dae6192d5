/**
 * How long one slice of a drain (or of an adoption) runs before it yields to the page: far below
 * the 50 ms of a long task (https://w3c.github.io/longtasks/), so a thousand queued events never
 * freeze the page that sends them.
 */
export const SLICE_MS = 4;
