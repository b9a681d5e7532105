import { loadConfig } from './config.ts';
import { serve } from './serve.ts';
import { systemClock } from './system-clock.ts';

/** The process entry: the environment's configuration and the system clock (serve.ts does the rest). */
await serve(loadConfig(), systemClock);
