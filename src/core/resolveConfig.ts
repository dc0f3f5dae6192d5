import {
  checkEssentials,
  DEFAULT_EDGE_BASE_PATH,
  type CollectorConfig,
  type RefuseConfig,
  type ResolvedConfig,
} from './CollectorConfig';
import { EdgeCollectorError } from './EdgeCollectorError';
import { explainConfigProblem } from './explainConfigProblem';

/** The delivery settings, each a whole number: smallest and largest accepted value. */
const DELIVERY_LIMITS = {
  maxAttempts: [1, 20],
  retryDelay: [0, 60_000],
  maxRetryDelay: [0, 3_600_000],
  maxQueueSize: [1, 10_000],
  maxQueueBytes: [1_000, 50_000_000],
} as const;

const BASE_PATH = /^[\w-]+(\/[\w-]+)*$/;

/**
 * Checks a configuration and fills in the defaults; throws an `invalid-config` error that says what
 * to fix (explainConfigProblem). The standalone script's core carries only {@link checkEssentials};
 * its messages add-on carries this check with the texts, and borrows that one from the core (see
 * createCommandApi and lendToAddOns).
 */
export function resolveConfig(input: unknown): ResolvedConfig {
  const refuse: RefuseConfig = (...problem) => {
    throw new EdgeCollectorError('invalid-config', explainConfigProblem(...problem));
  };
  const resolved = checkEssentials(input, refuse);
  const config = input as Partial<CollectorConfig>;
  const edgeBasePath = (config.edgeBasePath ?? DEFAULT_EDGE_BASE_PATH).replace(/^\/+|\/+$/g, '');
  if (!BASE_PATH.test(edgeBasePath)) refuse('edgeBasePath', config.edgeBasePath);
  resolved.edgeBasePath = edgeBasePath;
  for (const [name, [min, max]] of Object.entries(DELIVERY_LIMITS)) {
    const value =
      config[name as keyof typeof DELIVERY_LIMITS] ?? resolved[name as keyof typeof DELIVERY_LIMITS];
    if (!Number.isInteger(value) || value < min || value > max) refuse(name, value, min, max);
    resolved[name as keyof typeof DELIVERY_LIMITS] = value;
  }
  return resolved;
}
