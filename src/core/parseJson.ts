/** Parses an answer's body, or gives `undefined` for an empty or non-JSON body (answers are not always JSON). */
export function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
