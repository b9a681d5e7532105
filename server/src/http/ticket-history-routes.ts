import { ErrorBody, TicketSearchQuery, TicketSearchResult } from '@luot/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ReadModels } from '../services/read-models.ts';
import type { TicketHistoryService } from '../services/ticket-history.ts';
import type { Guards } from './guards.ts';

/**
 * “Where did B023 go?”: a supervisor looks a ticket of the day up by its number and reads everything that
 * happened to it. Numbers and staff names only; nothing about the citizen is kept to show.
 */
export const ticketHistoryRoutes: FastifyPluginAsyncTypebox<{ guards: Guards; read: ReadModels; history: TicketHistoryService }> = async (app, deps) => {
  app.get(
    '/api/tickets/search',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Tickets of a service day (today by default) by number, each with every event of its history',
        querystring: TicketSearchQuery,
        response: { 200: TicketSearchResult, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
      },
      onRequest: deps.guards.staff('supervisor', 'admin'),
    },
    async (request) => {
      const serviceDay = request.query.day ?? deps.read.today().day;
      return { serviceDay, tickets: deps.history.find(serviceDay, request.query.number) };
    },
  );
};
