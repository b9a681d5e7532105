import { loadConfig } from '../config.ts';
import { serve } from '../serve.ts';
import { TEST_SCRYPT_N, TestClock } from './test-app.ts';

/**
 * The server as main.ts starts it, on a clock that stands still at LUOT_TEST_CLOCK_MS until the test that spawned
 * it moves it over the IPC channel ({ clockMs } in, the same back once it is set). The browser tests use it so
 * screens show the same time on every run and a token's expiry or a citizen's wait is reached by moving the
 * clock, not by waiting. Passwords are hashed at the server tests' cheap cost unless LUOT_TEST_SCRYPT is
 * 'production' (the sign-in flood test measures the real one).
 */
const start = Number(process.env.LUOT_TEST_CLOCK_MS);
if (!Number.isFinite(start) || !process.send) throw new Error('held-clock-main needs LUOT_TEST_CLOCK_MS and an IPC channel to its test');
const clock = new TestClock(start);

process.on('message', (message: { clockMs?: unknown }) => {
  if (typeof message.clockMs !== 'number') return;
  clock.ms = message.clockMs;
  process.send?.({ clockMs: clock.ms });
});
// A test runner that died must not leave its server behind.
process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));

await serve(loadConfig(), clock, { scryptN: process.env.LUOT_TEST_SCRYPT === 'production' ? undefined : TEST_SCRYPT_N });
// Listening: the test need not poll /api/health to know.
process.send({ listening: true });
