import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';

/** How long a closing connection waits for more of an unread body before closing (nginx's lingering_timeout). */
export const LINGER_IDLE_MS = 5_000;
/** The longest a closing connection keeps reading an unread body (nginx's lingering_time). */
export const LINGER_MAX_MS = 30_000;

/** Whether the request announced a body (Content-Length above 0, or chunked). */
function announcesBody(request: IncomingMessage): boolean {
  return (
    request.headers['transfer-encoding'] !== undefined ||
    Number(request.headers['content-length'] ?? 0) > 0
  );
}

/**
 * The close that replaces Node's immediate one: our FIN goes out after the answer, the rest of
 * the body is read and dropped until the client stops sending (its FIN), goes quiet for
 * LINGER_IDLE_MS, or LINGER_MAX_MS have passed; then the socket is destroyed. Closing at once
 * with unread bytes makes the kernel answer with a reset, and a client still uploading (a
 * browser posting a file) then reports a network error instead of the refusal it was sent.
 */
function closeAfterLingering(socket: Socket, request: IncomingMessage): void {
  socket.end();
  const close = () => socket.destroy();
  const deadline = setTimeout(close, LINGER_MAX_MS).unref();
  socket.once('close', () => clearTimeout(deadline));
  socket.once('end', close);
  socket.setTimeout(LINGER_IDLE_MS, close);
  // Node's own discard: the parser drops the body's bytes for a "dumped" request instead of
  // pushing them into it. Needed when a route's reader destroyed the request mid-stream: the
  // parser would otherwise push into the destroyed stream and pause the socket for good.
  (request as IncomingMessage & { _dump(): void })._dump();
  socket.resume();
}

/**
 * Every reply sent while the request body is still arriving (a refusal before the body is read
 * — 401, CSRF 403, 413, 415, 404 — or an error thrown by a route reading its body as a stream)
 * says `Connection: close`, and the connection is closed after a bounded lingering read
 * instead of being kept alive. Keeping it alive would mean reading the whole rest of the body
 * first (up to the 50 MiB of an import, for nothing); leaving it unread, as a route that stops
 * reading mid-stream does, stalls the next request on that connection forever. A body already
 * fully received keeps the connection alive as usual.
 */
export function installUnreadBodyClose(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const socket = reply.raw.socket;
    // `complete` is Node's parser's word; injected test requests have none and are left alone.
    if (!socket || request.raw.complete !== false || !announcesBody(request.raw)) return payload;
    reply.header('connection', 'close');
    // Node ends a `Connection: close` answer's socket with destroySoon(); this socket lingers.
    socket.destroySoon = () => closeAfterLingering(socket, request.raw);
    return payload;
  });
}
