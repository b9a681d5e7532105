import { ErrorBody, StaffingPlan, StaffingQuery } from '@luot/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { attachmentHeader } from '../reports/export-columns.ts';
import { planCsv, planXlsx } from '../staffing/staffing-export.ts';
import type { StaffingService } from '../staffing/staffing-service.ts';
import type { Guards } from './guards.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };
const File = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });
const tags = ['staffing'];
const fileName = (plan: StaffingPlan, ext: 'csv' | 'xlsx') => `ke-hoach-quay_${plan.from}_${plan.to}.${ext}`;

/** Staffing advice and its exports: supervisors and admins, like the reports it is drawn from. */
export const staffingRoutes: FastifyPluginAsyncTypebox<{ guards: Guards; staffing: StaffingService; centerName: () => string }> = async (app, deps) => {
  const onRequest = deps.guards.staff('supervisor', 'admin');

  app.get(
    '/api/staffing/plan',
    {
      schema: {
        tags,
        summary: 'Counters each field needs per weekday and hour to call the chosen share within its committed wait (Erlang C over the past weeks)',
        querystring: StaffingQuery,
        response: { 200: StaffingPlan, ...errors },
      },
      onRequest,
    },
    async (request) => deps.staffing.plan(request.query),
  );

  app.get(
    '/api/staffing/plan.csv',
    { schema: { tags, summary: 'The staffing plan as CSV, one row per field, weekday and hour', querystring: StaffingQuery, response: { 200: File, ...errors } }, onRequest },
    async (request, reply) => {
      const { lang = 'vi', sep = 'comma', ...query } = request.query;
      const plan = deps.staffing.plan(query);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', attachmentHeader(fileName(plan, 'csv'))).send(planCsv(plan, lang, sep));
    },
  );

  app.get(
    '/api/staffing/plan.xlsx',
    { schema: { tags, summary: 'The staffing plan as an Excel workbook: the weekly grid with its gap, then by field', querystring: StaffingQuery, response: { 200: File, ...errors } }, onRequest },
    async (request, reply) => {
      const { lang = 'vi', sep: _sep, ...query } = request.query;
      const plan = deps.staffing.plan(query);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachmentHeader(fileName(plan, 'xlsx')))
        .send(await planXlsx(plan, lang, deps.centerName()));
    },
  );
};
