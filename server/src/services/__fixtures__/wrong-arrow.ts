// Lint fixture for layers.test.ts: a service reaching out to the HTTP layer, which the folder rules forbid.
// Excluded from the normal lint run (eslint.config.js ignores __fixtures__); never imported by the server.
import type { Guards } from '../../http/guards.ts';

export type Wrong = Guards;
