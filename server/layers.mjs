/**
 * The server's folders and which of them each may import: the arrows point inward (http/ws → services →
 * domain, db). eslint.config.js turns this into `boundaries/dependencies` rules, and a file in a folder that is
 * not listed here fails `pnpm lint` (`boundaries/no-unknown-files`): a new folder is placed deliberately.
 * server/src/layers.test.ts checks that the arrows have no cycle and that a wrong import fails lint.
 * Tests (*.test.ts) and test-support/ may import anything.
 */
export const layers = {
  /** The queue engine: pure, imports nothing of ours but @luot/shared. */
  domain: { folders: ['domain'], may: [] },
  /** Schema, migrations, repositories, the configuration cache and the group commit. */
  db: { folders: ['db'], may: ['domain', 'paths'] },
  /** Leaf libraries with no knowledge of the queue's storage: passwords and tokens, receipts, speech, SMS gateways. */
  adapters: { folders: ['auth', 'printing', 'voice', 'sms'], may: ['domain', 'paths'] },
  /** Report figures from the event log; joins the queue's write batch only through app wiring (parts.ts). */
  reports: { folders: ['reports'], may: ['domain', 'db'] },
  /** Load → decide → persist → publish; the hub is reached through the Publisher interface. */
  services: { folders: ['services'], may: ['domain', 'db', 'adapters'] },
  /**
   * Staffing advice: the arrival pattern and counter time per visit from the event log, turned into counters needed
   * by Erlang C (shared); its exports reuse the reports' CSV and workbook code.
   */
  staffing: { folders: ['staffing'], may: ['domain', 'db', 'reports'] },
  /** Citizens' ratings and the tracking page: uses the services and feeds the report cells. */
  feedback: { folders: ['feedback'], may: ['domain', 'db', 'services', 'reports'] },
  /** WebSocket hub and /ws; implements the services' Publisher. */
  ws: { folders: ['ws'], may: ['domain', 'services'] },
  /** Fastify route plugins: validate, check who asks, call a service, reply. */
  http: { folders: ['http'], may: ['domain', 'services', 'reports', 'feedback', 'staffing', 'adapters', 'sync', 'notify', 'ops', 'paths'] },
  /** Demo center and first-start admin. */
  seed: { folders: ['seed'], may: ['domain', 'db', 'adapters', 'services'] },
  /**
   * The center's side of the province link: an outbox relay that reads the committed event log on its own timer
   * and sends it to the hub (outbound HTTP of its own, never the http/ or ws/ folders). Built in parts.ts.
   */
  sync: { folders: ['sync'], may: ['domain', 'db', 'services'] },
  /**
   * Outgoing messages to the systems around the center: webhooks as an outbox relay over the committed event log
   * (delivery rows, signing, retries) and the admin's side of them. Built in parts.ts; routes reach it in http/.
   */
  notify: { folders: ['notify'], may: ['domain', 'db', 'services'] },
  /** The environment, read in one module (config.ts) for both processes: the center's and the hub's. */
  config: { files: ['config.ts'], may: ['paths'] },
  /**
   * The province hub: a separate app on PostgreSQL with its own folders and its own deps bag (hub/http/hub-deps.ts).
   * It reuses the center's pure parts (the report fold, passwords, the HTTP error and header plumbing) and reads
   * its environment through config.ts; nothing of the center imports it.
   */
  hub: { folders: ['hub'], may: ['domain', 'adapters', 'reports', 'http', 'config', 'paths'] },
  /**
   * Running the center as a process on its machine: the `luot` command (start, backup, restore, doctor, systemd
   * unit), the backup and metrics services (built in parts.ts and reached by http/ through them), the banner, the
   * pid file and the log options. It reads the store and the services' read side (and the first-run service for
   * `luot start`), the printers' state, the demo seed, and the environment; no route or socket imports it except
   * http/ops-routes.ts, which serves its backups and metrics.
   */
  ops: { folders: ['ops'], may: ['domain', 'db', 'adapters', 'services', 'seed', 'config', 'paths'] },
  /** Where the server's own files lie and its release number: leaves that every folder may read. */
  paths: { files: ['paths.ts', 'version.ts'], may: [] },
  /** The route authorization table the security tests walk. */
  security: { folders: ['security'], may: [] },
  /** app.ts, parts.ts, main.ts, serve.ts, system-clock.ts: where everything is wired; may import any folder. */
  root: { folders: [], may: ['*'] },
  /** Test helpers (fake printer, test app, test world). */
  'test-support': { folders: ['test-support'], may: ['*'] },
};
