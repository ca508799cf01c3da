import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { Classifier } from '../modules/classify/service.ts';

/** Who is asking. Staff roles follow the server's policies; residents see only their own. */
export type Actor =
  | { kind: 'anonymous'; cityId: string }
  | {
      kind: 'staff';
      cityId: string;
      id: number;
      login: string;
      name: string;
      role: StaffRole;
      agencyCode: string | null;
    }
  | { kind: 'resident'; cityId: string; id: number; phone: string };

export const STAFF_ROLES = ['operator', 'supervisor', 'executor', 'analyst', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** What every service may use; services take only the parts they need. */
export interface AppDeps {
  config: Config;
  db: Db;
  /** The replica for analytics and public reads (the primary when there is none). */
  readDb: Db;
  classifier: Classifier;
  /** The clock, replaceable in tests. */
  now(): Date;
  /** Publishes a live update to consoles (SSE) in every process. */
  publish(event: LiveEvent): void;
  /** Hears the live updates published by any process (the SSE endpoint); returns the unsubscribe. */
  subscribe(fn: (event: LiveEvent) => void): () => void;
}

export interface LiveEvent {
  cityId: string;
  type: string;
  number?: string;
  status?: string;
  agencyCode?: string | null;
  /** Only this staff member hears the event (a call popping up on the operator who answered). */
  staffId?: number;
  callId?: string;
}
