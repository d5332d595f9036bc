import type { FastifyInstance } from 'fastify';
import type { Inbox } from '@passerelle/mail';
import { AppError, createServer, type createLogger } from '@passerelle/server-kit';
import { listPage, messagePage, notFoundPage, REFRESH_SCRIPT, STYLE } from './pages';

const HTML = 'text/html; charset=utf-8';

/** server-kit's pino logger (the type is named here to keep pino out of this app's dependencies). */
export type Logger = ReturnType<typeof createLogger>;

/** What the web side needs besides the inbox. */
export interface InboxAppOptions {
  logger: Logger;
  /** The address people open, e.g. `http://localhost:3100`; the only host answered, with loopback. */
  publicUrl: string;
  /** Further host names answered (ALLOWED_HOSTS). */
  allowedHosts?: readonly string[];
  /** The inbox's cap, told on the page. */
  maxMessages: number;
}

/** The inbox's web page and JSON API over an {@link Inbox}, on the shared server set-up. */
export async function buildInboxApp(
  inbox: Inbox,
  options: InboxAppOptions,
): Promise<FastifyInstance> {
  const app = await createServer({
    logger: options.logger,
    publicUrl: options.publicUrl,
    allowedHosts: options.allowedHosts,
    trustProxy: false,
    bodyLimit: 1024,
    scripts: 'none',
  });
  // The list asks for the messages every 5 s: its requests would flood the info log of `npm start`.
  const quiet = { logLevel: 'warn' } as const;
  app.get('/style.css', quiet, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').send(STYLE),
  );
  app.get('/refresh.js', quiet, async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').send(REFRESH_SCRIPT),
  );
  // The list alone runs a script, its own (/refresh.js); a message's page, which shows what
  // strangers wrote, keeps `script-src 'none'`.
  app.get('/', quiet, async (_request, reply) => {
    const policy = String(reply.getHeader('content-security-policy') ?? '');
    reply.header(
      'content-security-policy',
      policy.replace("script-src 'none'", "script-src 'self'"),
    );
    return reply.type(HTML).send(listPage(inbox.messages(), options.maxMessages));
  });
  app.get<{ Params: { id: string } }>('/messages/:id', async (request, reply) => {
    const mail = inbox.find(request.params.id);
    if (!mail) return reply.code(404).type(HTML).send(notFoundPage());
    return reply.type(HTML).send(messagePage(mail));
  });
  app.get('/api/messages', quiet, async () => ({ messages: inbox.messages() }));
  app.get<{ Params: { id: string } }>('/api/messages/:id', async (request) => {
    const mail = inbox.find(request.params.id);
    if (!mail) throw new AppError('NOT_FOUND', 'Message introuvable.');
    return { message: mail };
  });
  app.delete('/api/messages', async (_request, reply) => {
    inbox.clear();
    return reply.code(204).send();
  });
  return app;
}
