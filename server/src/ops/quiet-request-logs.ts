import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * Production request logs at debug instead of info: the console and the journal show what needs a person (errors,
 * refusals, backups), not a line for every screen's poll. LOG_LEVEL=debug brings them back.
 */
export class QuietRequestLogs extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(error: Error | null, request: FastifyRequest, reply: FastifyReply): void {
    if (error) reply.log.error({ res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.debug({ res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}
