/** Writes one debug line to the console, prefixed so it can be filtered. */
export function logToConsole(message: string, detail?: unknown): void {
  if (detail === undefined) console.log(`[edgeCollector] ${message}`);
  else console.log(`[edgeCollector] ${message}`, detail);
}
