// `/mot-de-passe`: the signed-in user changes their own password.
import { useState } from 'react';
import { changePasswordRequest } from '@passerelle/contracts';
import { changePassword } from '../../api/endpoints';
import { Notice } from '../../shared/alerts';
import { NewPasswordFields } from '../../shared/new-password-fields';
import { Page } from '../../shared/page';
import { SubmitButton } from '../../shared/submit-button';
import { TextField } from '../../shared/text-field';
import { Link } from 'react-router';
import { useCurrentUser } from './session';
import { useForm } from '../../shared/use-form';
import { FormFrame } from '../../shared/form-frame';

/** The change-password form ("Changer le mot de passe"). */
export function MotDePassePage() {
  const user = useCurrentUser();
  const [done, setDone] = useState(false);
  const form = useForm({
    id: 'mot-de-passe',
    schema: changePasswordRequest,
    initial: { currentPassword: '', password: '', passwordConfirmation: '' },
    fieldForCode: { WEAK_PASSWORD: 'password', WRONG_CURRENT_PASSWORD: 'currentPassword' },
  });

  const submit = form.handleSubmit(async (data) => {
    setDone(false);
    await changePassword(data);
    form.reset();
    setDone(true);
  });

  return (
    <Page title="Changer mon mot de passe">
      {done && (
        <Notice>
          Votre mot de passe a été changé. Vos autres sessions ouvertes sur Passerelle ont été
          fermées.
        </Notice>
      )}
      <FormFrame error={form.errors.form} onSubmit={submit}>
        <TextField
          label="Mot de passe actuel"
          type="password"
          autoComplete="current-password"
          {...form.field('currentPassword')}
        />
        <NewPasswordFields
          label="Nouveau mot de passe"
          password={form.field('password')}
          confirmation={form.field('passwordConfirmation')}
          username={user.email}
        />
        <SubmitButton busy={form.busy}>Changer le mot de passe</SubmitButton>
      </FormFrame>
      <p>
        <Link to="/compte">Retour à mon compte</Link>
      </p>
    </Page>
  );
}
