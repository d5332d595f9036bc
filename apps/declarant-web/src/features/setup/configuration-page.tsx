// `/configuration#jeton=…`: the first start, creating the firm and its first administrator.
import { useState } from 'react';
import { setupRequest } from '@passerelle/contracts';
import { completeSetup, getSession, getSetupNeeded } from '../../api/endpoints';
import { ErrorAlert } from '../../shared/alerts';
import { NewPasswordFields } from '../../shared/new-password-fields';
import { Loading, Page } from '../../shared/page';
import { SubmitButton } from '../../shared/submit-button';
import { TextField } from '../../shared/text-field';
import { PersonFields } from '../../shared/person-fields';
import { messages } from '../../shared/messages';
import { Link, useLocation, useNavigate } from 'react-router';
import { tokenFromHash } from '../../shared/route-state';
import { useSession } from '../auth/session';
import { useForm } from '../../shared/use-form';
import { useApiQuery } from '../../shared/use-api-query';

type Status = 'loading' | 'needed' | 'done' | 'error';

/** The first-start form ("Créer le cabinet"), or why it cannot be shown. */
export function ConfigurationPage() {
  const { hash } = useLocation();
  const [token] = useState(() => tokenFromHash(hash));
  const setup = useApiQuery(['setup-needed'], getSetupNeeded);
  const loadError = setup.error;
  const status: Status =
    setup.data === undefined
      ? loadError === null
        ? 'loading'
        : 'error'
      : setup.data
        ? 'needed'
        : 'done';

  return (
    <Page title="Première configuration de Passerelle">
      {status === 'loading' && <Loading />}
      {status === 'error' && <ErrorAlert message={loadError} />}
      {status === 'done' && <SetupDone />}
      {status === 'needed' && token === '' && (
        <>
          <p>
            Pour configurer Passerelle, ouvrez le lien de configuration affiché dans le terminal du
            serveur à son démarrage.
          </p>
          <p>
            Ce lien, à usage unique, se termine par <code>/configuration#jeton=…</code>. Si vous ne
            le retrouvez pas, redémarrez le serveur : un nouveau lien est affiché.
          </p>
        </>
      )}
      {status === 'needed' && token !== '' && <SetupForm token={token} />}
    </Page>
  );
}

function SetupDone() {
  return (
    <>
      <p>{messages.SETUP_ALREADY_DONE}</p>
      <p>
        <Link to="/connexion">Aller à la page de connexion</Link>
      </p>
    </>
  );
}

function SetupForm({ token }: { token: string }) {
  const { setUser } = useSession();
  const navigate = useNavigate();
  const form = useForm({
    id: 'configuration',
    schema: setupRequest,
    initial: {
      firmName: '',
      firstName: '',
      lastName: '',
      email: '',
      password: '',
      passwordConfirmation: '',
    },
    fieldForCode: { WEAK_PASSWORD: 'password' },
  });

  const submit = form.handleSubmit(
    async (data) => {
      await completeSetup(data);
      setUser(await getSession());
      void navigate('/compte', { replace: true });
    },
    { token },
  );

  return (
    <form className="form" noValidate onSubmit={submit}>
      <p>
        Créez le cabinet et son premier administrateur. Vous pourrez ensuite ajouter les autres
        utilisateurs.
      </p>
      <ErrorAlert message={form.errors.form} />
      <TextField label="Nom du cabinet" autoComplete="organization" {...form.field('firmName')} />
      <PersonFields field={form.field} own />
      <NewPasswordFields
        password={form.field('password')}
        confirmation={form.field('passwordConfirmation')}
      />
      <SubmitButton busy={form.busy}>Créer le cabinet</SubmitButton>
      {form.errors.form === messages.SETUP_ALREADY_DONE && (
        <p>
          <Link to="/connexion">Aller à la page de connexion</Link>
        </p>
      )}
    </form>
  );
}
