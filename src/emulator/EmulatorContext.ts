import type { Catalog } from './createCatalog';
import type { ConsentStore } from './createConsentStore';
import type { EventStore } from './createEventStore';

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

/** What every route of the emulator works with. */
export interface EmulatorContext {
  store: EventStore;
  catalog: Catalog;
  /** `http://127.0.0.1:<port>`, known once the server listens. */
  origin(): string;
  /** Unknown datastreams are created on first use instead of refused. */
  devMode: boolean;
  /** The org id given to datastreams made on the fly. */
  defaultOrgId: string;
  log(line: string): void;
  /** Recent refusals, newest last. */
  rejections: Rejection[];
  onRejection(listener: (rejection: Rejection) => void): () => void;
  reject(rejection: Rejection): void;
  /** The visitors' consent, recorded by `privacy/set-consent` (see registerConsentRoutes). */
  consents?: ConsentStore;
}
