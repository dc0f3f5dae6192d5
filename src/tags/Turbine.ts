/** The logger Turbine gives each extension; silent unless Tags debugging is on, except `error`/`warn` in the console. */
export interface TurbineLogger {
  log(...args: unknown[]): void;
  info(...args: unknown[]): void;
  debug(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

/**
 * The part of Turbine's `turbine` free variable that this extension uses. Each library module
 * receives it as the fourth argument of its wrapper function.
 */
export interface Turbine {
  logger: TurbineLogger;
  /** The extension configuration, with `%data element%` tokens already replaced. */
  getExtensionSettings(): Record<string, unknown> | undefined;
  /** The Tags environment the library was built for. */
  environment?: { stage?: string };
  debugEnabled?: boolean;
}
