import type { TestProject } from 'vitest/node';
import { openHubDb } from '../hub/db/open-hub-db.ts';
import { startPgCluster } from './pg-cluster.ts';

export const HUB_TEMPLATE = 'luot_hub_template';

declare module 'vitest' {
  export interface ProvidedContext {
    pg: { host: string; port: number; user: string; template: string };
  }
}

/**
 * One real PostgreSQL for the whole hub suite, with a template database the hub's migrations were applied to:
 * each test copies it (CREATE DATABASE … TEMPLATE) and so starts on its own fresh, migrated database.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPgCluster();
  const store = await openHubDb(await cluster.createDatabase(HUB_TEMPLATE));
  await store.close();
  project.provide('pg', { host: cluster.host, port: cluster.port, user: cluster.user, template: HUB_TEMPLATE });
  return () => cluster.stop();
}
