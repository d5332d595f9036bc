/** POSTs JSON and returns the parsed answer (`undefined` when empty); throws with the body on another status. */
export async function postJson<T = Record<string, unknown>>(
  url: string,
  body: unknown,
  expectedStatus: number,
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== expectedStatus)
    throw new Error(`POST ${url}: ${response.status} ${text}`);
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

/** The `name=value` part of the session cookie an answer sets. */
export function sessionCookie(response: Response): string {
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}
