/** Which page to return: the one paging rule of `GET /api/events` and `GET /api/consent`. */
export interface PageRequest {
  /** At most this many items. */
  limit: number;
  /** The `nextCursor` of the previous page (the `seq` of its last item): continue after it. */
  cursor?: number;
  /** `asc`: oldest first; `desc`: newest first. Each endpoint names its default. */
  order?: 'asc' | 'desc';
}

/** One page, with how many items there are in all and where the next page starts. */
export interface Page<T> {
  items: T[];
  total: number;
  nextCursor?: number;
}

/** The page `request` asks for of `oldestFirst` (items in ascending `seq`). */
export function pageBySeq<T extends { seq: number }>(
  oldestFirst: T[],
  { limit, cursor, order = 'asc' }: PageRequest,
): Page<T> {
  const ordered = order === 'desc' ? [...oldestFirst].reverse() : oldestFirst;
  const after = (item: T) =>
    cursor === undefined || (order === 'asc' ? item.seq > cursor : item.seq < cursor);
  const start = ordered.findIndex(after);
  const items = start === -1 ? [] : ordered.slice(start, start + limit);
  const more = start !== -1 && start + limit < ordered.length;
  return { items, total: ordered.length, ...(more && { nextCursor: items[items.length - 1]!.seq }) };
}
