import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { FastifyServerOptions } from 'fastify';

type SerializerFactory = NonNullable<NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>['buildSerializer']>;

/**
 * Fastify's own response serializers (fast-json-stringify), each compiled when its route first answers with that
 * status instead of all of them at start. Compiling the ~150 routes' response schemas took over a second of every
 * restart, while counter screens stayed dark; a route's first reply pays its own few milliseconds instead.
 */
export const lazySerializers: SerializerFactory = (externalSchemas, serializerOptions) => {
  const build = SerializerSelector()(externalSchemas, serializerOptions);
  return (route) => {
    let serialize: ((data: unknown) => string) | null = null;
    return (data: unknown) => (serialize ??= build(route))(data);
  };
};
