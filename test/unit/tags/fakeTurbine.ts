import { vi } from 'vitest';
import type { Turbine } from '../../../src/tags/Turbine';

/** A `turbine` object as Turbine gives modules, with spied logger methods. */
export function fakeTurbine(
  settings: Record<string, unknown> = { productionDatastreamId: '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b' },
  stage = 'production',
) {
  const logger = { log: vi.fn(), info: vi.fn(), debug: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const turbine: Turbine = { logger, getExtensionSettings: () => settings, environment: { stage } };
  return { turbine, logger };
}
