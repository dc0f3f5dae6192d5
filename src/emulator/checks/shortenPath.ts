import { MAX_REPORTED_PATH } from '../http/limits';

/**
 * `path` as a report lists it: whole, or, past `max` characters, its start and its end around
 * "…". A path repeats the keys above it, so a few long keys made one path of 30,000 characters;
 * listed whole in every entry beneath them, they multiplied what a request stored.
 */
export function shortenPath(path: string, max = MAX_REPORTED_PATH): string {
  if (path.length <= max) return path;
  const head = Math.ceil((max - 1) / 2);
  return `${path.slice(0, head)}…${path.slice(path.length - (max - 1 - head))}`;
}
