// A signed-in session on the declarant's HTTP API, as the web UI holds one: JSON, the session
// cookie and a same-origin header. Seeds what a test needs without the browser.
import type { DossierInput } from '@passerelle/contracts';
import { ADMIN } from './people';
import { sessionCookie } from './http';

/** JSON over HTTP with a session cookie and a same-origin header, like the web UI. */
export class ApiSession {
  constructor(
    readonly url: string,
    /** `name=value` of the session cookie. */
    readonly cookie: string,
  ) {}

  /** Signs `user` in (`POST /api/session`); {@link ADMIN} unless said. */
  static async signIn(
    url: string,
    user: { email: string; password: string } = ADMIN,
  ): Promise<ApiSession> {
    const response = await fetch(`${url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    if (response.status !== 200) throw new Error(`sign-in: ${response.status}`);
    return new ApiSession(url, sessionCookie(response));
  }

  /** The answer's status and JSON body (refusals are returned, not thrown). */
  async call<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', origin: this.url, cookie: this.cookie },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
  }

  /** The JSON body of a successful answer; throws with the body on a 3xx, 4xx or 5xx. */
  async ok<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
    const answer = await this.call<T>(method, path, body);
    if (answer.status >= 300) {
      throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    return answer.body;
  }

  /** Every item of a paged list (`GET path`), following its cursor in pages of 200. */
  async all<T>(path: string): Promise<T[]> {
    const items: T[] = [];
    const separator = path.includes('?') ? '&' : '?';
    let cursor: string | null = null;
    do {
      const after = cursor === null ? '' : `&cursor=${cursor}`;
      const page: { items: T[]; nextCursor: string | null } = await this.ok(
        'GET',
        `${path}${separator}limit=200${after}`,
      );
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    return items;
  }

  /** Creates a dossier (`POST /api/dossiers`) with its exercises; its id. */
  async seedDossier(
    dossier: DossierInput,
    exercises: readonly { start: string; end: string }[] = [],
  ): Promise<string> {
    const { dossier: created } = await this.ok<{ dossier: { id: string } }>(
      'POST',
      '/api/dossiers',
      dossier,
    );
    for (const exercise of exercises)
      await this.ok('POST', `/api/dossiers/${created.id}/exercises`, exercise);
    return created.id;
  }
}
