// A signed-in session on the declarant's HTTP API, as a script would hold one (its cookie).

/** Calls the declarant API with one session cookie; every answer's status is checked. */
export class ApiSession {
  constructor(
    readonly url: string,
    /** `name=value` of the session cookie, for requests this class does not make. */
    readonly cookie: string,
  ) {}

  private async request(method: string, path: string, body: unknown, expected: number) {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        origin: this.url,
        cookie: this.cookie,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status !== expected)
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response;
  }

  /** A JSON answer with status `expected` (200 unless said). */
  async json<T>(method: string, path: string, body?: unknown, expected = 200): Promise<T> {
    return (await (await this.request(method, path, body, expected)).json()) as T;
  }

  /** A binary answer (a download) with status 200. */
  async bytes(method: string, path: string, body?: unknown): Promise<Buffer> {
    return Buffer.from(await (await this.request(method, path, body, 200)).arrayBuffer());
  }
}

/** Runs `work` on every item, at most `limit` at a time; results in the items' order. */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
