// `/mot-de-passe`: the signed-in user changes their own password.
import { useState } from 'react';
import { changePasswordRequest } from '@passerelle/contracts';
import { changePassword } from '../../api/endpoints';
import { Notice } from '../../shared/alerts';
import { PasswordChangeFields, usePasswordChangeForm } from '../../shared/password-change-fields';
import { Page } from '../../shared/page';
import { Link } from 'react-router';
import { useCurrentUser } from './session';
import { FormFrame } from '../../shared/form-frame';

/** The change-password form ("Changer le mot de passe"). */
export function MotDePassePage() {
  const user = useCurrentUser();
  const [done, setDone] = useState(false);
  const form = usePasswordChangeForm(
    'mot-de-passe',
    changePasswordRequest,
    'WRONG_CURRENT_PASSWORD',
  );

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
      <FormFrame form={form} onSubmit={submit} submit="Changer le mot de passe">
        <PasswordChangeFields
          field={form.field}
          currentLabel="Mot de passe actuel"
          currentAutoComplete="current-password"
          label="Nouveau mot de passe"
          username={user.email}
        />
      </FormFrame>
      <p>
        <Link to="/compte">Retour à mon compte</Link>
      </p>
    </Page>
  );
}
