import type { HubStore } from '../db/open-hub-db.ts';
import type { Ingest } from '../ingest/ingest-service.ts';
import type { BoardFanout } from '../live/board-fanout.ts';
import type { BoardService } from '../services/board-service.ts';
import type { CentersService } from '../services/centers-service.ts';
import type { HubAuth } from '../services/hub-auth.ts';
import type { HubReportService } from '../services/hub-report-service.ts';
import type { HubGuards } from './hub-guards.ts';

/** What the hub's route plugins use, built once in hub/app.ts. */
export interface HubDeps {
  store: HubStore;
  clock: { now(): number };
  provinceName: string;
  auth: HubAuth;
  centers: CentersService;
  ingest: Ingest;
  board: BoardService;
  fanout: BoardFanout;
  reports: HubReportService;
  guards: HubGuards;
}
