import Fastify, { type FastifyInstance } from 'fastify';
import type { Inbox } from '@passerelle/mail';
import { listPage, messagePage } from './pages';

/** The inbox's web page and JSON API over an {@link Inbox}. */
export function buildInboxApp(inbox: Inbox): FastifyInstance {
  const app = Fastify({ logger: false });
  app.get('/', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(listPage(inbox.messages())),
  );
  app.get<{ Params: { id: string } }>('/messages/:id', async (request, reply) => {
    const mail = inbox.find(request.params.id);
    if (!mail)
      return reply
        .code(404)
        .type('text/html; charset=utf-8')
        .send('<p lang="fr">Message introuvable.</p>');
    return reply.type('text/html; charset=utf-8').send(messagePage(mail));
  });
  app.get('/api/messages', async () => ({ messages: inbox.messages() }));
  app.get<{ Params: { id: string } }>('/api/messages/:id', async (request, reply) => {
    const mail = inbox.find(request.params.id);
    return mail
      ? { message: mail }
      : reply.code(404).send({ code: 'NOT_FOUND', message: 'Message introuvable.' });
  });
  app.delete('/api/messages', async (_request, reply) => {
    inbox.clear();
    return reply.code(204).send();
  });
  return app;
}
