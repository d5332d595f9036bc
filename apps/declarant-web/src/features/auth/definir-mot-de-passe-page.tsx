// `/definir-mot-de-passe#jeton=…`: choose a password through an invitation or reset link.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { usePasswordTokenRequest } from '@passerelle/contracts';
import type { PasswordTokenInfo } from '@passerelle/contracts';
import { ApiError } from '../../api/client';
import { lookupPasswordToken, setPasswordWithToken } from '../../api/endpoints';
import { ErrorAlert, Notice } from '../../shared/alerts';
import { NewPasswordFields } from '../../shared/new-password-fields';
import { Loading, Page } from '../../shared/page';
import { SubmitButton } from '../../shared/submit-button';
import { errorText } from '../../shared/errors';
import { formatLongDateTime } from '../../shared/format';
import { messages } from '../../shared/messages';
import { Link, useLocation, useNavigate } from 'react-router';
import { tokenFromHash } from '../../shared/route-state';
import { useForm } from '../../shared/use-form';

type State =
  | { kind: 'loading' }
  | { kind: 'invalid'; message: string | null }
  | { kind: 'ready'; info: PasswordTokenInfo }
  | { kind: 'done' };

const incompleteLink =
  'Ce lien est incomplet. Copiez le lien entier transmis par votre administrateur, ou demandez-lui un nouveau lien.';

/** Where the page is: the link looked up (or not usable), then the password chosen. */
function linkState(
  token: string,
  info: PasswordTokenInfo | undefined,
  error: unknown,
  done: boolean,
): State {
  if (done) return { kind: 'done' };
  if (token === '') return { kind: 'invalid', message: incompleteLink };
  if (info !== undefined) return { kind: 'ready', info };
  if (error === null) return { kind: 'loading' };
  const network = error instanceof ApiError && ['NETWORK', 'INTERNAL'].includes(error.code);
  return { kind: 'invalid', message: network ? errorText(error) : messages.PASSWORD_TOKEN_INVALID };
}

/** Looks the link up, then shows the form ("Enregistrer le mot de passe"). */
export function DefinirMotDePassePage() {
  const navigate = useNavigate();
  const { hash } = useLocation();
  const [token] = useState(() => tokenFromHash(hash));
  const [done, setDone] = useState(false);
  const lookup = useQuery({
    queryKey: ['password-token', token],
    queryFn: () => lookupPasswordToken(token),
    enabled: token !== '',
  });
  const state = linkState(token, lookup.data, lookup.error, done);

  return (
    <Page title="Choisir votre mot de passe">
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'invalid' && <ErrorAlert message={state.message} />}
      {state.kind === 'ready' && (
        <PasswordForm
          token={token}
          info={state.info}
          onDone={() => {
            setDone(true);
            // The link is used up: drop its secret from the address bar and the history.
            void navigate('/definir-mot-de-passe', { replace: true });
          }}
        />
      )}
      {state.kind === 'done' && (
        <>
          <Notice>Votre mot de passe est enregistré. Vous pouvez maintenant vous connecter.</Notice>
          <p>
            <Link to="/connexion">Aller à la page de connexion</Link>
          </p>
        </>
      )}
    </Page>
  );
}

function PasswordForm(props: { token: string; info: PasswordTokenInfo; onDone: () => void }) {
  const { token, info, onDone } = props;
  const form = useForm({
    id: 'definir-mot-de-passe',
    schema: usePasswordTokenRequest,
    initial: { password: '', passwordConfirmation: '' },
    fieldForCode: { WEAK_PASSWORD: 'password' },
  });
  const submit = form.handleSubmit(
    async (data) => {
      await setPasswordWithToken(data);
      onDone();
    },
    { token },
  );
  return (
    <form className="form" noValidate onSubmit={submit}>
      <p>{`Bonjour ${info.firstName}, choisissez votre mot de passe pour ${info.email}`}</p>
      <p className="field-hint">
        Ce lien est valable jusqu’au {formatLongDateTime(info.expiresAt)}.
      </p>
      <ErrorAlert message={form.errors.form} />
      <NewPasswordFields
        password={form.field('password')}
        confirmation={form.field('passwordConfirmation')}
        username={info.email}
      />
      <SubmitButton busy={form.busy}>Enregistrer le mot de passe</SubmitButton>
    </form>
  );
}
