import http from 'node:http';
import net from 'node:net';

/** Longest wait for any answer: far above a loopback reply, far below a test's timeout. */
const HANG_MS = 10_000;

/** An upload a test starts on a raw socket and does not finish before the server answers. */
export interface RawUpload {
  method: string;
  path: string;
  /** Request headers besides Host and the body's framing. */
  headers: Record<string, string>;
  /** The body: sent with Content-Length, or chunked when `chunked` is set. */
  body: Buffer;
  chunked?: boolean;
  /** How many bytes of the body go out before the client waits for the answer. */
  sentBeforeAnswer: number;
}

/** One HTTP answer as read off the socket. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What a raw-socket client saw: the refusal, then what became of the connection. */
export interface RefusedUploadOutcome {
  refusal: RawAnswer;
  /**
   * `closed`: the server ended the connection after the refusal, and the rest of the upload
   * written meanwhile was taken without a reset (a browser still uploading reads the refusal);
   * `reset`: the server closed while the client was still sending;
   * otherwise the status of a second request sent on the same connection.
   */
  next: 'closed' | 'reset' | number;
}

/** The bytes of a request head for `upload` on `host`. */
function requestHead(upload: RawUpload, host: string): string {
  const framing = upload.chunked
    ? { 'transfer-encoding': 'chunked' }
    : { 'content-length': String(upload.body.length) };
  const headers = { host, ...upload.headers, ...framing };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return `${upload.method} ${upload.path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}

/** The body bytes from `start` to `end` as they go on the wire (one chunk when chunked). */
function bodyBytes(upload: RawUpload, start: number, end: number): Buffer {
  const part = upload.body.subarray(start, end);
  if (!upload.chunked || part.length === 0) return part;
  return Buffer.concat([Buffer.from(`${part.length.toString(16)}\r\n`), part, Buffer.from('\r\n')]);
}

/** Reads one answer with a Content-Length body off `buffered`, or undefined while incomplete. */
function parseAnswer(buffered: Buffer): { answer: RawAnswer; rest: Buffer } | undefined {
  const end = buffered.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine = '', ...lines] = buffered.subarray(0, end).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers['content-length']);
  if (!Number.isInteger(length)) throw new Error(`answer without Content-Length: ${statusLine}`);
  const bodyEnd = end + 4 + length;
  if (buffered.length < bodyEnd) return undefined;
  const status = Number(statusLine.split(' ')[1]);
  const body = buffered.subarray(end + 4, bodyEnd).toString('utf8');
  return { answer: { status, headers, body }, rest: buffered.subarray(bodyEnd) };
}

/**
 * Over one raw TCP connection to `url`: sends `upload`'s head and the first bytes of its body,
 * reads the server's answer, then behaves as a client that goes on with its upload. When the
 * answer keeps the connection alive, the rest of the body and a `GET nextPath` follow on the
 * same connection; when it says `Connection: close`, the rest of the body is written and the
 * client waits for the server's end of stream. Rejects when nothing comes within 10 s (a hang).
 */
export function refuseUploadThenContinue(
  url: string,
  upload: RawUpload,
  nextPath: string,
): Promise<RefusedUploadOutcome> {
  const { hostname, port, host } = new URL(url);
  // allowHalfOpen: like a browser, the client keeps sending after the server's FIN.
  const socket = net.connect({ host: hostname, port: Number(port), allowHalfOpen: true });
  return new Promise<RefusedUploadOutcome>((resolve, reject) => {
    let buffered: Buffer = Buffer.alloc(0);
    let refusal: RawAnswer | undefined;
    let reset = false;
    const timer = setTimeout(() => {
      socket.destroy();
      const stage = refusal ? `after the ${refusal.status} refusal` : 'to the upload';
      reject(new Error(`no answer within ${HANG_MS / 1000} s ${stage}: the connection hangs`));
    }, HANG_MS);
    const finish = (outcome: RefusedUploadOutcome) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (refusal && ['ECONNRESET', 'EPIPE'].includes(error.code ?? '')) reset = true;
      else {
        clearTimeout(timer);
        reject(error);
      }
    });
    socket.on('close', () => {
      if (refusal) finish({ refusal, next: reset ? 'reset' : 'closed' });
    });
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      const parsed = parseAnswer(buffered);
      if (!parsed) return;
      buffered = parsed.rest;
      if (refusal) {
        finish({ refusal, next: parsed.answer.status });
        return;
      }
      refusal = parsed.answer;
      const rest = bodyBytes(upload, upload.sentBeforeAnswer, upload.body.length);
      const last = upload.chunked ? '0\r\n\r\n' : '';
      if (/close/i.test(refusal.headers.connection ?? '')) {
        socket.end(Buffer.concat([rest, Buffer.from(last)]));
      } else {
        socket.write(Buffer.concat([rest, Buffer.from(last)]));
        socket.write(`GET ${nextPath} HTTP/1.1\r\nhost: ${host}\r\n\r\n`);
      }
    });
    socket.write(requestHead(upload, host));
    socket.write(bodyBytes(upload, 0, upload.sentBeforeAnswer));
  });
}

/** One request through `agent`; status, headers and body; rejects after 10 s (a hang). */
function agentRequest(
  agent: http.Agent,
  url: string,
  options: { method: string; headers?: Record<string, string>; body?: Buffer },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { agent, method: options.method, headers: options.headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers as Record<string, string>,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    // A timer of its own: a request queued behind a stuck socket has no socket to time out.
    const timer = setTimeout(
      () =>
        request.destroy(
          new Error(`${options.method} ${url}: no answer within ${HANG_MS / 1000} s`),
        ),
      HANG_MS,
    );
    request.on('close', () => clearTimeout(timer));
    request.on('error', reject);
    request.end(options.body);
  });
}

/**
 * As the issue reproduced it with Node's own client: a keep-alive agent of one socket posts
 * `upload` whole to `origin` + its path, then asks `GET origin + nextPath`; both answers (the
 * second rejects on a hang).
 */
export async function refuseUploadThenGetWithAgent(
  origin: string,
  upload: RawUpload,
  nextPath: string,
): Promise<{ refusal: RawAnswer; next: RawAnswer }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const framing: Record<string, string> = upload.chunked ? { 'transfer-encoding': 'chunked' } : {};
  try {
    const refusal = await agentRequest(agent, `${origin}${upload.path}`, {
      method: upload.method,
      headers: { ...upload.headers, ...framing },
      body: upload.body,
    });
    const next = await agentRequest(agent, `${origin}${nextPath}`, { method: 'GET' });
    return { refusal, next };
  } finally {
    agent.destroy();
  }
}
