import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

/** The three apps, built by Vite, served from this same process so a center needs one machine only. */
export const APPS = [
  { prefix: '/kiosk', dir: 'kiosk', titleVi: 'Máy lấy số (kiosk)' },
  { prefix: '/display', dir: 'counter-display', titleVi: 'Màn hình quầy và bảng gọi số' },
  { prefix: '/console', dir: 'staff-console', titleVi: 'Bảng điều khiển cán bộ' },
] as const;

export const appRoutes: FastifyPluginAsync<{ appsRoot: string }> = async (app, { appsRoot }) => {
  let first = true;
  for (const a of APPS) {
    const root = join(appsRoot, a.dir, 'dist');
    app.get(a.prefix, async (_req, reply) => reply.redirect(`${a.prefix}/`));
    if (!existsSync(join(root, 'index.html'))) {
      app.get(`${a.prefix}/*`, { schema: { hide: true } }, async (_req, reply) =>
        reply
          .status(503)
          .type('text/html; charset=utf-8')
          .send(`<!doctype html><meta charset="utf-8"><p>Ứng dụng chưa được build. Chạy <code>pnpm build</code> rồi khởi động lại máy chủ.</p><p>The app is not built yet. Run <code>pnpm build</code> and restart the server.</p>`),
      );
      continue;
    }
    await app.register(fastifyStatic, { root, prefix: `${a.prefix}/`, decorateReply: first, index: ['index.html'] });
    first = false;
  }

  // The role guides (docs/help): plain HTML and CSS kept in the repository, so they work with no internet and
  // their screenshots are the ones the browser tests take.
  app.get('/help', async (_req, reply) => reply.redirect('/help/'));
  await app.register(fastifyStatic, { root: join(appsRoot, 'docs', 'help'), prefix: '/help/', decorateReply: first, index: ['index.html'] });

  app.get('/', async (_req, reply) => {
    const links = [...APPS.map((a) => `<li><a href="${a.prefix}/">${a.titleVi}</a></li>`), '<li><a href="/help/">Hướng dẫn sử dụng</a></li>'].join('');
    return reply
      .type('text/html; charset=utf-8')
      .send(`<!doctype html><html lang="vi"><meta charset="utf-8"><title>Lượt</title><body><h1>Lượt</h1><ul>${links}<li><a href="/api/docs">API</a></li></ul></body></html>`);
  });
};
