// The "Ajouter un utilisateur" form of the users page.
import { createUserRequest } from '@passerelle/contracts';
import type { CreateUserResponse } from '@passerelle/contracts';
import { createUser } from '../../api/endpoints';
import { useForm } from '../../shared/use-form';
import { ErrorAlert } from '../../shared/alerts';
import { SelectField } from '../../shared/select-field';
import { SubmitButton } from '../../shared/submit-button';
import { PersonFields } from '../../shared/person-fields';

const roleOptions = [
  { value: 'collaborator', label: 'Collaborateur' },
  { value: 'administrator', label: 'Administrateur' },
] as const;

/** Creates a user ("Créer l'utilisateur") and hands the answer (with the invitation) back. */
export function AddUserForm({ onCreated }: { onCreated: (answer: CreateUserResponse) => void }) {
  const form = useForm({
    id: 'ajout-utilisateur',
    schema: createUserRequest,
    initial: { firstName: '', lastName: '', email: '', role: 'collaborator' },
    fieldForCode: { EMAIL_TAKEN: 'email' },
  });

  const submit = form.handleSubmit(async (data) => {
    const answer = await createUser(data);
    form.reset();
    onCreated(answer);
  });

  return (
    <form className="form" noValidate onSubmit={submit} aria-labelledby="ajout-utilisateur-titre">
      <ErrorAlert message={form.errors.form} />
      <PersonFields field={form.field} own={false} />
      <SelectField label="Rôle" options={roleOptions} {...form.field('role')} />
      <SubmitButton busy={form.busy}>Créer l’utilisateur</SubmitButton>
    </form>
  );
}
