// The collaborator's API session of the declarations e2e tests: seeds dossiers and exercises,
// changes a declaration behind the browser's back.

/** A dossier as `POST /api/dossiers` takes it. */
export interface DossierSeed {
  siren: string;
  name: string;
  street: string;
  complement: string;
  postcode: string;
  city: string;
  category: string;
  regime: string;
  taxation: string;
  rof: string;
}

/** The collaborator's API session: seeds dossiers and exercises, changes a declaration. */
export class CollaboratorApi {
  constructor(
    private readonly url: string,
    private readonly cookie: string,
  ) {}

  static async signIn(
    url: string,
    user: { email: string; password: string },
  ): Promise<CollaboratorApi> {
    const response = await fetch(`${url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    if (response.status !== 200) throw new Error(`sign-in: ${response.status}`);
    return new CollaboratorApi(url, (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '');
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', origin: this.url, cookie: this.cookie },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return JSON.parse(text) as T;
  }

  /** Creates a dossier with its exercises; its id. */
  async seedDossier(
    dossier: DossierSeed,
    exercises: readonly { start: string; end: string }[],
  ): Promise<string> {
    const { dossier: created } = await this.call<{ dossier: { id: string } }>(
      'POST',
      '/api/dossiers',
      dossier,
    );
    for (const exercise of exercises)
      await this.call('POST', `/api/dossiers/${created.id}/exercises`, exercise);
    return created.id;
  }
}
