/** Writes one debug line to the console, prefixed so it can be filtered. */
export function logToConsole(message: string, detail?: unknown): void {
  console.log(`[edgeCollector] ${message}`, ...(detail === undefined ? [] : [detail]));
}
