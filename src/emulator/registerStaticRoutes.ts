import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { EmulatorContext } from './EmulatorContext';
import { DEMO_PAGES, renderDemoPage, type DemoPage } from './renderDemoPage';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Where the static files are, and which datastream the demo pages send to (if the demo is seeded). */
export interface StaticSettings {
  distDir: string;
  demoDatastreamId?: string;
}

/**
 * The inspector (`GET /`, `/inspector.js`, `/inspector.css`), the built standalone script under
 * `/dist/`, and the demo site under `/demo/`. Files are read on each request so a rebuild shows at once.
 */
export function registerStaticRoutes(
  app: FastifyInstance,
  context: EmulatorContext,
  settings: StaticSettings,
): void {
  const publicDir = join(settings.distDir, 'emulator', 'public');
  const sendFile = async (reply: FastifyReply, path: string) => {
    let body: Buffer;
    try {
      body = await readFile(path);
    } catch {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send(`${path} is missing: run "npm run build" first (npm start does).`);
    }
    return reply
      .type(TYPES[extname(path)] ?? 'application/octet-stream')
      .header('cache-control', 'no-store')
      .send(body);
  };

  app.get('/', (_request, reply) => sendFile(reply, join(publicDir, 'index.html')));
  app.get('/inspector.js', (_request, reply) => sendFile(reply, join(publicDir, 'inspector.js')));
  app.get('/inspector.css', (_request, reply) => sendFile(reply, join(publicDir, 'inspector.css')));
  app.get('/favicon.ico', (_request, reply) => reply.code(204).send());
  for (const file of ['edge-collector.min.js', 'edge-collector.min.js.map']) {
    app.get(`/dist/${file}`, (_request, reply) => sendFile(reply, join(settings.distDir, file)));
  }

  const demo = async (page: DemoPage, reply: FastifyReply) => {
    if (!settings.demoDatastreamId) {
      return reply
        .code(404)
        .type('text/plain; charset=utf-8')
        .send('The demo site is off: start the emulator with --seed-demo (npm start does).');
    }
    let snippet: string;
    try {
      snippet = (await readFile(join(publicDir, 'snippet.js'), 'utf8')).trim();
    } catch {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The demo needs the build: run "npm run build" first (npm start does).');
    }
    const html = renderDemoPage(page, {
      origin: context.origin(),
      datastreamId: settings.demoDatastreamId,
      snippet,
    });
    return reply.type(TYPES['.html']!).header('cache-control', 'no-store').send(html);
  };
  app.get('/demo', (_request, reply) => reply.redirect('/demo/'));
  for (const page of Object.keys(DEMO_PAGES) as DemoPage[]) {
    app.get(`/demo/${page}`, (_request, reply) => demo(page, reply));
  }
}
