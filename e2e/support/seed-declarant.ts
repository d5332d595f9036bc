/** Completes first-start setup through the API and returns the administrator's cookie. */
export async function seedAdministrator(
  url: string,
  setupLink: string,
  admin: { email: string; password: string },
) {
  const token = setupLink.split('#jeton=')[1];
  const response = await fetch(`${url}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({
      token,
      firmName: 'Cabinet Exemple',
      firstName: 'Alice',
      lastName: 'Durand',
      email: admin.email,
      password: admin.password,
      passwordConfirmation: admin.password,
    }),
  });
  if (response.status !== 201)
    throw new Error(`setup: ${response.status} ${await response.text()}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** Creates a user through the API and sets their password through the invitation link. */
export async function seedUser(
  url: string,
  adminCookie: string,
  user: { firstName: string; lastName: string; email: string; password: string },
) {
  const headers = { 'content-type': 'application/json', origin: url, cookie: adminCookie };
  const created = await fetch(`${url}/api/users`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      firstName: user.firstName,
      lastName: user.lastName,
      email: user.email,
      role: 'collaborator',
    }),
  });
  const { link } = (await created.json()) as { link: { url: string } };
  const token = link.url.split('#jeton=')[1];
  const used = await fetch(`${url}/api/password-tokens/use`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ token, password: user.password, passwordConfirmation: user.password }),
  });
  if (used.status !== 204) throw new Error(`password: ${used.status}`);
}
