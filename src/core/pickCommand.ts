import { EdgeCollectorError } from './EdgeCollectorError';

/**
 * The handler of `command` among `commands`: own keys only, so that `toString` or a symbol is no
 * command. Otherwise throws `unknown-command`, naming the known ones. Shared by the standalone
 * script's command API and the Tags instances' global functions.
 */
export function pickCommand<Handler>(commands: Record<string, Handler>, command: unknown): Handler {
  if (typeof command === 'string' && {}.hasOwnProperty.call(commands, command)) return commands[command]!;
  throw new EdgeCollectorError(
    'unknown-command',
    // JSON, not `String()`: a Symbol gives `undefined` instead of throwing (see build/common.mjs).
    `unknown command ${JSON.stringify(command)}; known commands: ${Object.keys(commands).join(', ')}`,
  );
}
