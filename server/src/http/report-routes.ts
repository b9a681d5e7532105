import { ErrorBody, errorBody, Report, ReportExportQuery, ReportQuery } from '@luot/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { attachmentHeader, reportFileName } from '../reports/export-columns.ts';
import { reportCsv } from '../reports/export-csv.ts';
import { reportXlsx } from '../reports/export-xlsx.ts';
import { ReportRangeError } from '../reports/report-service.ts';
import type { Guards } from './guards.ts';
import type { ReportService } from '../reports/report-service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };
/** A file download: sent as bytes, documented as binary. */
const File = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });
const tags = ['reports'];

/** Reports and their exports: supervisors and admins only. */
export const reportRoutes: FastifyPluginAsyncTypebox<{ guards: Guards; reports: ReportService }> = async (app, deps) => {
  const onRequest = deps.guards.scoped('reports:read', ['supervisor', 'admin']);

  /** A range that cannot be answered is a 400 with the reason, in the usual error body. */
  async function guarded<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T | FastifyReply> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof ReportRangeError)) throw error;
      return reply.status(400).send(errorBody('VALIDATION_FAILED', [error.message]));
    }
  }

  app.get(
    '/api/reports',
    {
      schema: {
        tags,
        summary: 'Tickets, waits, service times and no-shows over service days, grouped by field, counter, officer, hour or day',
        querystring: ReportQuery,
        response: { 200: Report, ...errors },
      },
      onRequest,
    },
    async (request, reply) => guarded(reply, () => deps.reports.report(request.query)),
  );

  app.get(
    '/api/reports/export.csv',
    {
      schema: { tags, summary: 'The report as CSV (UTF-8 with BOM, Vietnamese headers by default)', querystring: ReportExportQuery, response: { 200: File, ...errors } },
      onRequest,
    },
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
    '/api/reports/export.xlsx',
    {
      schema: { tags, summary: 'The report as an Excel workbook, with the arrivals heat map on a second sheet', querystring: ReportExportQuery, response: { 200: File, ...errors } },
      onRequest,
    },
    async (request, reply) =>
      guarded(reply, async () => {
        const { lang = 'vi', sep: _sep, ...query } = request.query;
        const report = await deps.reports.report(query);
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', attachmentHeader(reportFileName(report.groupBy, report.from, report.to, lang, 'xlsx')))
          .send(await reportXlsx(report, lang, deps.reports.centerName()));
      }),
  );
};
