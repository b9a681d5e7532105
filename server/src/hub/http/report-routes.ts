import { ErrorBody, errorBody, HubReportExportQuery, HubReportQuery, Report } from '@luot/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { attachmentHeader, reportFileName } from '../../reports/export-columns.ts';
import { reportCsv } from '../../reports/export-csv.ts';
import { reportXlsx } from '../../reports/export-xlsx.ts';
import { ReportRangeError } from '../../reports/report-service.ts';
import type { HubDeps } from './hub-deps.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const File = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });
const tags = ['reports'];

/** Reports across centers, with the same exports as a center's: province admins and viewers. */
export const hubReportRoutes: FastifyPluginAsyncTypebox<{ deps: HubDeps }> = async (app, { deps }) => {
  const onRequest = deps.guards.staff('province_admin', 'province_viewer');

  async function guarded<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T | FastifyReply> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof ReportRangeError)) throw error;
      return reply.status(400).send(errorBody('VALIDATION_FAILED', [error.message]));
    }
  }

  app.get(
    '/api/hub/reports',
    {
      schema: { tags, summary: 'Figures across centers (or of one center) grouped by center, field, day, month, hour; optionally ranked', querystring: HubReportQuery, response: { 200: Report, ...errors } },
      onRequest,
    },
    async (request, reply) => guarded(reply, async () => (await deps.reports.report(request.query)) as Report),
  );

  app.get(
    '/api/hub/reports/export.csv',
    { schema: { tags, querystring: HubReportExportQuery, response: { 200: File, ...errors } }, onRequest },
    async (request, reply) =>
      guarded(reply, async () => {
        const { lang = 'vi', sep = 'comma', ...query } = request.query;
        const report = await deps.reports.report(query);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', attachmentHeader(reportFileName(report.groupBy, report.from, report.to, lang, 'csv')))
          .send(reportCsv(report, lang, sep));
      }),
  );

  app.get(
    '/api/hub/reports/export.xlsx',
    { schema: { tags, querystring: HubReportExportQuery, response: { 200: File, ...errors } }, onRequest },
    async (request, reply) =>
      guarded(reply, async () => {
        const { lang = 'vi', sep: _sep, ...query } = request.query;
        const report = await deps.reports.report(query);
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', attachmentHeader(reportFileName(report.groupBy, report.from, report.to, lang, 'xlsx')))
          .send(await reportXlsx(report, lang, report.title));
      }),
  );
};
