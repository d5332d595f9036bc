// `/connexion`: sign in with email and password.
import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { signInRequest } from '@passerelle/contracts';
import { getSetupNeeded, signIn } from '../../api/endpoints';
import { Notice } from '../../shared/alerts';
import { Page } from '../../shared/page';
import { useNavigate } from 'react-router';
import { useRouteNotice } from '../../shared/route-state';
import { useSession } from './session';
import { useForm } from '../../shared/use-form';
import { FormFrame } from '../../shared/form-frame';
import { SignInFields } from './sign-in-fields';

/** The sign-in form ("Se connecter à Passerelle"). */
export function ConnexionPage() {
  const { user, setUser } = useSession();
  const navigate = useNavigate();
  const notice = useRouteNotice();
  const setupNeeded =
    useQuery({ queryKey: ['setup-needed'], queryFn: getSetupNeeded }).data ?? false;
  const form = useForm({
    id: 'connexion',
    schema: signInRequest,
    initial: { email: '', password: '' },
  });

  useEffect(() => {
    if (user !== null) void navigate('/compte', { replace: true });
  }, [user, navigate]);

  const submit = form.handleSubmit(async (data) => {
    const signedIn = await signIn(data);
    setUser(signedIn);
    void navigate('/compte');
  });

  return (
    <Page title="Connexion">
      <Notice>{notice}</Notice>
      {setupNeeded && (
        <Notice>
          La première configuration de Passerelle n’a pas encore été faite. Ouvrez le lien de
          configuration affiché dans le terminal du serveur à son démarrage.
        </Notice>
      )}
      <FormFrame form={form} onSubmit={submit} submit="Se connecter à Passerelle">
        <SignInFields field={form.field} />
      </FormFrame>
    </Page>
  );
}
