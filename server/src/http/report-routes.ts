import { ErrorBody, errorBody, Report, ReportExportQuery, ReportQuery, StaffFigures, StaffFiguresQuery } from '@luot/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { attachmentHeader, reportFileName } from '../reports/export-columns.ts';
import { reportCsv } from '../reports/export-csv.ts';
import { reportXlsx } from '../reports/export-xlsx.ts';
import { staffFiguresCsv } from '../reports/staff-figures-csv.ts';
import { visitsCsv } from '../reports/visits.ts';
import { ReportRangeError } from '../reports/report-service.ts';
import type { Guards } from './guards.ts';
import type { ReportService } from '../reports/report-service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };
/** A file download: sent as bytes, documented as binary. */
const File = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });
const tags = ['reports'];

/** Reports and their exports: supervisors and admins only. */
/** The center's booking figures for a period, as title and rows, added to both exports (absent: not added). */
export interface BookingExport {
  title: (lang: 'vi' | 'en') => string;
  sheet: (lang: 'vi' | 'en') => string;
  /** Null when the period has no booking: the exports stay as they were. */
  rows: (from: string, to: string, lang: 'vi' | 'en') => (string | number | null)[][] | null;
}

export const reportRoutes: FastifyPluginAsyncTypebox<{ guards: Guards; reports: ReportService; bookings?: BookingExport }> = async (app, deps) => {
  const onRequest = deps.guards.scoped('reports:read', ['supervisor', 'admin']);

  function bookingTable(from: string, to: string, lang: 'vi' | 'en') {
    const rows = deps.bookings?.rows(from, to, lang) ?? null;
    return deps.bookings && rows ? { title: deps.bookings.title(lang), sheet: deps.bookings.sheet(lang), rows } : undefined;
  }

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
          .send(reportCsv(report, lang, sep, bookingTable(report.from, report.to, lang)));
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
          .send(await reportXlsx(report, lang, deps.reports.centerName(), bookingTable(report.from, report.to, lang)));
      }),
  );

  // Staff figures are about named officers: supervisors and admins only, never an integration's token.
  const leaders = deps.guards.staff('supervisor', 'admin');

  app.get(
    '/api/reports/staff',
    {
      schema: {
        tags,
        summary: 'Staff figures per officer or counter: served per hour, mean visit and walk, idle and pause time by reason, recalls, no-shows, satisfaction',
        querystring: StaffFiguresQuery,
        response: { 200: StaffFigures, ...errors },
      },
      onRequest: leaders,
    },
    async (request, reply) => guarded(reply, () => deps.reports.staffFigures(request.query)),
  );

  app.get(
    '/api/reports/staff/export.csv',
    { schema: { tags, summary: 'The staff figures as CSV (UTF-8 with BOM), one column per figure', querystring: StaffFiguresQuery, response: { 200: File, ...errors } }, onRequest: leaders },
    async (request, reply) =>
      guarded(reply, async () => {
        const figures = await deps.reports.staffFigures(request.query);
        const lang = request.query.lang ?? 'vi';
        const name = `${lang === 'vi' ? 'Số liệu cán bộ' : 'Staff figures'} ${figures.from} ${lang === 'vi' ? 'đến' : 'to'} ${figures.to}.csv`;
        return reply.type('text/csv; charset=utf-8').header('content-disposition', attachmentHeader(name)).send(staffFiguresCsv(figures, lang));
      }),
  );

  app.get(
    '/api/reports/visits.csv',
    {
      schema: {
        tags,
        summary: 'Every finished visit of the range with its dossier code (mã hồ sơ), for the one-stop system to join visits to dossiers',
        querystring: ReportExportQuery,
        response: { 200: File, ...errors },
      },
      onRequest,
    },
    async (request, reply) =>
      guarded(reply, async () => {
        const { lang = 'vi', sep: _sep, groupBy: _g, ...query } = request.query;
        const { from, to, rows } = deps.reports.visits(query);
        const name = `${lang === 'vi' ? 'Lượt phục vụ' : 'Visits'} ${from} ${lang === 'vi' ? 'đến' : 'to'} ${to}.csv`;
        return reply.type('text/csv; charset=utf-8').header('content-disposition', attachmentHeader(name)).send(visitsCsv(rows, lang));
      }),
  );
};
