import { BlockList, isIPv4, isIPv6 } from 'node:net';
import { basename } from 'node:path';
import { BackupList, BackupTaken, ErrorBody } from '@luot/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Registry } from 'prom-client';
import type { Clock } from '../domain/clock.ts';
import { DomainError } from '../domain/errors.ts';
import { BackupError, listBackups } from '../ops/backup.ts';
import { diskSpace, type BackupService } from '../ops/backup-service.ts';
import { parseBackupName } from '../ops/retention.ts';
import { staffOf, type Guards } from './guards.ts';

const errors = { 401: ErrorBody, 403: ErrorBody, 500: ErrorBody, 507: ErrorBody };

/** LUOT_METRICS_ALLOW: single addresses or CIDRs (10.0.5.0/24) of the machines that scrape /metrics. */
export function allowList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const type = isIPv6(address) ? 'ipv6' : 'ipv4';
    if (!isIPv4(address) && !isIPv6(address)) throw new Error(`LUOT_METRICS_ALLOW: "${entry}" is not an IP address or CIDR`);
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

export interface OpsRoutesOptions {
  guards: Guards;
  clock: Clock;
  backups: BackupService;
  /** Where backups go and when the daily one runs (LUOT_BACKUP_DIR, LUOT_BACKUP_TIME). */
  backupConfig: { dir: string; dailyAt: string };
  metrics: Registry;
  /** Addresses allowed to read /metrics without a login (LUOT_METRICS_ALLOW). */
  metricsAllow: string[];
}

/** Monitoring and backups: /metrics for Prometheus, and the admin's backup list and "back up now" button. */
export const opsRoutes: FastifyPluginAsyncTypebox<OpsRoutesOptions> = async (app, deps) => {
  const admin = deps.guards.staff('admin');
  const leaders = deps.guards.staff('supervisor', 'admin');
  const allowed = allowList(deps.metricsAllow);
  const fromAllowedNetwork = (request: FastifyRequest) => {
    const ip = request.ip.replace(/^::ffff:/, '');
    return allowed.check(ip, isIPv6(ip) ? 'ipv6' : 'ipv4');
  };

  app.get(
    '/metrics',
    {
      schema: { tags: ['system'], summary: 'Prometheus metrics: from LUOT_METRICS_ALLOW addresses, or a supervisor/admin session', response: { 200: Type.String(), ...errors } },
      onRequest: async (request: FastifyRequest, reply: FastifyReply) => {
        if (!fromAllowedNetwork(request)) await leaders(request, reply);
      },
    },
    async (_request, reply) => {
      const text = await deps.metrics.metrics();
      return reply.type(deps.metrics.contentType).send(text);
    },
  );

  app.get(
    '/api/admin/backups',
    { schema: { tags: ['admin'], summary: 'Backups in the backup folder, newest first, and the free space there', response: { 200: BackupList, ...errors } }, onRequest: admin },
    async () => {
      const dir = deps.backupConfig.dir;
      let freeBytes = 0;
      try {
        freeBytes = diskSpace(dir).freeBytes;
      } catch {
        // No folder yet (no backup taken) or the disk is unplugged: nothing free there.
      }
      const backups = listBackups(dir).map((b) => ({
        name: b.name,
        takenAt: new Date(b.takenAt).toISOString(),
        reason: b.reason,
        bytes: b.bytes,
        check: b.check ? { verdict: 'ok' as const, checkedAt: b.check.checkedAt } : { verdict: 'unknown' as const, checkedAt: null },
      }));
      const failed = deps.backups.lastFailure();
      const lastFailure = failed ? { at: new Date(failed.at).toISOString(), code: failed.code, message: failed.message } : null;
      return { dir, freeBytes, dailyAt: deps.backupConfig.dailyAt, backups, lastFailure };
    },
  );

  app.post(
    '/api/admin/backups',
    { schema: { tags: ['admin'], summary: 'Back up now (online, checked, then the retention rule)', response: { 201: BackupTaken, ...errors } }, onRequest: admin },
    async (request, reply) => {
      staffOf(request);
      try {
        const result = await deps.backups.run('manual');
        const made = listBackups(deps.backupConfig.dir).find((b) => b.file === result.file);
        const entry = parseBackupName(basename(result.file));
        request.log.info({ file: result.file, bytes: result.bytes, ms: result.durationMs }, 'backup taken on request');
        return reply.status(201).send({
          backup: {
            name: basename(result.file),
            takenAt: new Date(entry?.takenAt ?? deps.clock.now()).toISOString(),
            reason: 'manual',
            bytes: result.bytes,
            check: made?.check ? { verdict: 'ok', checkedAt: made.check.checkedAt } : { verdict: 'unknown', checkedAt: null },
          },
          durationMs: result.durationMs,
          deleted: result.deleted,
        });
      } catch (error) {
        if (error instanceof BackupError) {
          request.log.error({ code: error.code, err: error.message }, 'backup failed');
          throw new DomainError(error.code === 'BACKUP_NO_SPACE' ? 'BACKUP_NO_SPACE' : 'BACKUP_FAILED', error.message);
        }
        throw error;
      }
    },
  );
};
