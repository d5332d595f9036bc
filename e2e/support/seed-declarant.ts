import type { DeclarantProcess } from './declarant-process';
import { postJson, sessionCookie } from './http';
import { ADMIN, FIRM } from './people';

/** Completes first-start setup through the API and returns the administrator's cookie. */
export async function seedAdministrator(
  url: string,
  setupLink: string,
  admin: { email: string; password: string } = ADMIN,
) {
  const token = setupLink.split('#jeton=')[1];
  const response = await fetch(`${url}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({
      token,
      firmName: FIRM.name,
      firstName: 'Alice',
      lastName: 'Durand',
      email: admin.email,
      password: admin.password,
      passwordConfirmation: admin.password,
    }),
  });
  if (response.status !== 201)
    throw new Error(`setup: ${response.status} ${await response.text()}`);
  return sessionCookie(response);
}

/** Creates a user through the API and sets their password through the invitation link. */
export async function seedUser(
  url: string,
  adminCookie: string,
  user: { firstName: string; lastName: string; email: string; password: string },
) {
  const { link } = await postJson<{ link: { url: string } }>(
    `${url}/api/users`,
    {
      firstName: user.firstName,
      lastName: user.lastName,
      email: user.email,
      role: 'collaborator',
    },
    201,
    { origin: url, cookie: adminCookie },
  );
  const token = link.url.split('#jeton=')[1];
  await postJson(
    `${url}/api/password-tokens/use`,
    { token, password: user.password, passwordConfirmation: user.password },
    204,
    { origin: url },
  );
}

/** The firm on a fresh declarant: {@link ADMIN} set up, then `users` as collaborators; the admin's cookie. */
export async function seedFirmUsers(
  declarant: Pick<DeclarantProcess, 'url' | 'setupLink'>,
  users: readonly { firstName: string; lastName: string; email: string; password: string }[] = [],
): Promise<string> {
  const adminCookie = await seedAdministrator(declarant.url, declarant.setupLink, ADMIN);
  for (const user of users) await seedUser(declarant.url, adminCookie, user);
  return adminCookie;
}
