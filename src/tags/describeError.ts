/** A one-line reason for a failure, safe to show a Tags user (core errors already say what to fix). */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
