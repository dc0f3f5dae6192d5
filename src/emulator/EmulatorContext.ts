import type { ServerResponse } from 'node:http';
import type { Catalog } from './storage/createCatalog';
import type { ConsentStore } from './storage/createConsentStore';
import type { EventStore } from './storage/createEventStore';
import type { FaultPlan } from './faults/createFaultPlan';
import type { RejectionLog } from './storage/createRejectionLog';
import type { ServerLimits } from './http/limits';

/** A refused request, as the inspector lists it (kept in memory only). */
export interface Rejection {
  at: number;
  method: string;
  path: string;
  status: number;
  type: string;
  title: string;
  detail?: string;
  requestId?: string;
}

/** What every route plugin of the emulator works with (passed as the plugin option `context`). */
export interface EmulatorContext {
  store: EventStore;
  catalog: Catalog;
  /** The visitors' consent, recorded by `privacy/set-consent` (see registerConsentRoutes). */
  consents: ConsentStore;
  /** Faults armed for the next answers (`POST /api/faults`, `--faults`). */
  faults: FaultPlan;
  /** `http://127.0.0.1:<port>`, known once the server listens. */
  origin(): string;
  /** Unknown (UUID-shaped) datastreams are created on first use instead of refused. */
  devMode: boolean;
  /** The org id given to datastreams made on the fly. */
  defaultOrgId: string;
  /** The datastream the demo pages send to; undefined unless the demo is seeded. */
  demoDatastreamId(): string | undefined;
  /** The folder with the built scripts and the inspector. */
  distDir: string;
  limits: ServerLimits;
  log(line: string): void;
  /** Every refusal of this run (bounded), for `/api/rejections` and the inspector. */
  rejections: RejectionLog;
  /** The open live streams (`/api/stream`), ended when the server closes. */
  streams: Set<ServerResponse>;
}

/** The options of every route plugin: `app.register(registerXRoutes, { context })`. */
export interface RoutePluginOptions {
  context: EmulatorContext;
}
