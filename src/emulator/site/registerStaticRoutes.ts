import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RoutePluginOptions } from '../EmulatorContext';
import { plainProblem, sendProblem } from '../http/sendProblem';
import { DEMO_PAGES, renderDemoPage, type DemoPage } from './renderDemoPage';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * The built scripts served under `/dist/`: the standalone script, the add-ons it loads from its
 * own folder (streaming on the first `streamRecord`, consent on the first decision to post, link
 * tracking at configure, cross-tab ownership on the first stored request), and the build with Core
 * Web Vitals.
 */
export const SERVED_SCRIPTS = [
  'edge-collector.min.js',
  'edge-collector.streaming.min.js',
  'edge-collector.consent.min.js',
  'edge-collector.linkClicks.min.js',
  'edge-collector.tabs.min.js',
  'edge-collector.state.min.js',
  'edge-collector.identity.min.js',
  'edge-collector.messages.min.js',
  'edge-collector.sha256.min.js',
  'edge-collector.vitals.min.js',
] as const;

/**
 * The inspector (`GET /`, `/inspector.js`, `/inspector.css`), the built scripts under `/dist/`,
 * and the demo site under `/demo/`: a plugin without a prefix. Files are read on each request so
 * a rebuild shows at once.
 */
export async function registerStaticRoutes(
  app: FastifyInstance,
  { context }: RoutePluginOptions,
): Promise<void> {
  const publicDir = join(context.distDir, 'emulator', 'public');
  const refuse = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    title: string,
    detail: string,
  ) => sendProblem(context.rejections, request, reply, plainProblem(status, title, detail));
  const sendFile = async (request: FastifyRequest, reply: FastifyReply, path: string) => {
    let body: Buffer;
    try {
      body = await readFile(path);
    } catch {
      return refuse(
        request,
        reply,
        503,
        'Not built',
        `${path} is missing: run "npm run build" first (npm start does).`,
      );
    }
    return reply
      .type(TYPES[extname(path)] ?? 'application/octet-stream')
      .header('cache-control', 'no-store')
      .send(body);
  };

  app.get('/', (request, reply) => sendFile(request, reply, join(publicDir, 'index.html')));
  app.get('/inspector.js', (request, reply) => sendFile(request, reply, join(publicDir, 'inspector.js')));
  app.get('/inspector.css', (request, reply) => sendFile(request, reply, join(publicDir, 'inspector.css')));
  app.get('/favicon.ico', (_request, reply) => reply.code(204).send());
  for (const file of SERVED_SCRIPTS.flatMap((script) => [script, `${script}.map`])) {
    app.get(`/dist/${file}`, (request, reply) => sendFile(request, reply, join(context.distDir, file)));
  }

  const demo = async (page: DemoPage, request: FastifyRequest, reply: FastifyReply) => {
    const datastreamId = context.demoDatastreamId();
    if (!datastreamId)
      return refuse(
        request,
        reply,
        404,
        'Demo off',
        'The demo site is off: start the emulator with --seed-demo (npm start does).',
      );
    let snippet: string;
    try {
      snippet = (await readFile(join(publicDir, 'snippet.js'), 'utf8')).trim();
    } catch {
      return refuse(
        request,
        reply,
        503,
        'Not built',
        'The demo needs the build: run "npm run build" first (npm start does).',
      );
    }
    const html = renderDemoPage(page, {
      origin: context.origin(),
      datastreamId,
      snippet,
    });
    return reply.type(TYPES['.html']!).header('cache-control', 'no-store').send(html);
  };
  app.get('/demo', (_request, reply) => reply.redirect('/demo/'));
  for (const page of Object.keys(DEMO_PAGES) as DemoPage[]) {
    app.get(`/demo/${page}`, (request, reply) => demo(page, request, reply));
  }
}
