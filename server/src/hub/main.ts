import closeWithGrace from 'close-with-grace';
import { loadHubConfig } from '../config.ts';
import { buildHubApp } from './app.ts';
import { openHubDb } from './db/open-hub-db.ts';
import { seedProvince } from './seed.ts';

/** `luot hub`: the province hub process. The only hub file that touches the process: env, signals, the socket. */
const config = loadHubConfig();
const store = await openHubDb(config.databaseUrl, { max: config.poolSize });
const { app, deps } = await buildHubApp({ store, provinceName: config.provinceName, appsRoot: config.appsRoot, logger: { level: config.logLevel } });

const seeded = await seedProvince(deps.auth, { demo: config.demo });
if (seeded.length) {
  console.log(
    [
      '',
      '=== Lượt hub: first start — write these down, the passwords are shown only once ===',
      'Tài khoản cấp tỉnh / Province accounts:',
      ...seeded.map((a) => `  ${a.username.padEnd(12)} ${a.role.padEnd(16)} ${a.password}`),
      '',
    ].join('\n'),
  );
}

closeWithGrace({ delay: 10_000 }, async ({ err }) => {
  if (err) app.log.error({ err }, 'shutting down after error');
  await app.close();
  await store.close();
});

await app.listen({ port: config.port, host: config.host });
app.log.info(`Lượt hub "${config.provinceName}" on http://${config.host}:${config.port} — console /console/`);
