import { EDGE_ERRORS, type EdgeErrorName } from '../edge/edgeProblem';

/** The endpoints a fault can be armed for; `*` is any of them. */
export const FAULT_ENDPOINTS = ['interact', 'collect', 'consent', 'acquire', 'inlet', 'batch', '*'] as const;

/** Which endpoint a fault is armed for. */
export type FaultEndpoint = (typeof FAULT_ENDPOINTS)[number];

/**
 * What the next answers of an endpoint do: `207` (processed, with upstream `errors`; on a batch
 * inlet, its first record failed), `429` or `503` (refused with `Retry-After`, nothing stored),
 * `delay` (answered after `delayMs`), `drop` (the connection is closed with no answer).
 */
export type FaultKind = 207 | 429 | 503 | 'delay' | 'drop';

/** One armed fault, as `POST /api/faults` and `--faults` take it. */
export interface Fault {
  endpoint: FaultEndpoint;
  fault: FaultKind;
  /** How many answers it changes (default 1). */
  times: number;
  /** Seconds, for 429 and 503 (default 1). */
  retryAfter: number;
  /** Milliseconds, for `delay` (default 1000, at most 8000: under the request timeout). */
  delayMs: number;
  /** The upstream errors of a 207, by name in the EXEG table (default `upstreamUnavailable`, `EXEG-0201-503`). */
  errors: EdgeErrorName[];
}

/** The faults armed now, taken one answer at a time. */
export interface FaultPlan {
  arm(faults: Fault[]): void;
  /** The fault for the next answer of `endpoint`, if one is armed (it is used up). */
  take(endpoint: Exclude<FaultEndpoint, '*'>): Fault | undefined;
  list(): Fault[];
  clear(): void;
}

const KINDS: readonly FaultKind[] = [207, 429, 503, 'delay', 'drop'];
const MAX_ARMED = 100;
const MAX_DELAY_MS = 8000;

const whole = (value: unknown, min: number, max: number, fallback: number, name: string): number => {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name} must be a whole number from ${min} to ${max}`);
  return value;
};

/** Checks one fault as given in JSON; throws a message naming what to fix. */
export function parseFault(value: unknown): Fault {
  const given = (value ?? {}) as Record<string, unknown>;
  const endpoint = FAULT_ENDPOINTS.find((name) => name === given.endpoint);
  if (!endpoint) throw new Error(`endpoint must be one of ${FAULT_ENDPOINTS.join(', ')}`);
  const fault = KINDS.find((kind) => kind === given.fault);
  if (fault === undefined) throw new Error(`fault must be one of 207, 429, 503, "delay", "drop"`);
  const errors = given.errors ?? ['upstreamUnavailable'];
  if (!Array.isArray(errors) || !errors.every((name) => Object.hasOwn(EDGE_ERRORS, String(name))))
    throw new Error(`errors must name EXEG errors: ${Object.keys(EDGE_ERRORS).join(', ')}`);
  return {
    endpoint,
    fault,
    times: whole(given.times, 1, 10_000, 1, 'times'),
    retryAfter: whole(given.retryAfter, 0, 86_400, 1, 'retryAfter'),
    delayMs: whole(given.delayMs, 0, MAX_DELAY_MS, 1000, 'delayMs'),
    errors: errors as EdgeErrorName[],
  };
}

/** An empty plan. */
export function createFaultPlan(): FaultPlan {
  let armed: Fault[] = [];
  return {
    arm(faults) {
      if (armed.length + faults.length > MAX_ARMED)
        throw new Error(`at most ${MAX_ARMED} faults can be armed`);
      armed.push(...faults.map((fault) => ({ ...fault })));
    },
    take(endpoint) {
      const fault = armed.find((item) => item.endpoint === endpoint || item.endpoint === '*');
      if (!fault) return undefined;
      fault.times -= 1;
      if (fault.times <= 0) armed = armed.filter((item) => item !== fault);
      return { ...fault };
    },
    list: () => armed.map((fault) => ({ ...fault })),
    clear() {
      armed = [];
    },
  };
}
