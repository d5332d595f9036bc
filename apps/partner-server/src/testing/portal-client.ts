import { ACCOUNT, STRONG_PASSWORD, type TestPartner } from './test-partner';

/** Test helper: posts an HTML form (urlencoded, as a browser does), with the portal cookie if given. */
export function postForm(
  t: TestPartner,
  url: string,
  fields: Record<string, string> = {},
  cookie?: string,
) {
  return t.app.inject({
    method: 'POST',
    url,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(cookie ? { cookie } : {}),
    },
    payload: new URLSearchParams(fields).toString(),
  });
}

/** Test helper: GET a portal page with the portal cookie if given. */
export function getPage(t: TestPartner, url: string, cookie?: string) {
  return t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
}

/** Test helper: signs in through the portal's form and returns the `Cookie` header to send. */
export async function signInOnPortal(
  t: TestPartner,
  email = ACCOUNT.adminEmail,
  password = STRONG_PASSWORD,
): Promise<string> {
  const response = await postForm(t, '/portail/connexion', { email, password });
  const cookie = response.cookies.find((c) => c.name === 'partner_portal');
  if (response.statusCode !== 303 || !cookie) throw new Error(`sign in: ${response.body}`);
  return `partner_portal=${cookie.value}`;
}

/**
 * Test helper: the text a person reads on a page (tags dropped, entities decoded, spaces joined;
 * the non-breaking spaces of French typography kept as such).
 */
export function pageText(body: string): string {
  return (
    body
      .replace(/<[^>]*>/g, ' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&')
      .replace(/[^\S\u00a0]+/g, ' ')
      // A tag just before a non-breaking space (`</strong>\u00a0:`) left an ordinary one beside it.
      .replace(/ ?\u00a0 ?/g, '\u00a0')
  );
}
