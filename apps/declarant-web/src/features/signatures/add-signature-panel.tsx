// "Ajouter une signature" (help page, section 4): the side panel and its form.
import { createSignatureRequest } from '@passerelle/contracts';
import type { DeclarantSignature, SignatureOptions } from '@passerelle/contracts';
import { createSignature, getSignatureOptions } from '../../api/endpoints';
import { chooseKeyType, validityLabel } from './signature-labels';
import { useForm } from '../../shared/use-form';
import { useApiQuery } from '../../shared/use-api-query';
import { ErrorAlert } from '../../shared/alerts';
import { Dialog } from '../../shared/dialog';
import { Loading } from '../../shared/page';
import { SelectField } from '../../shared/select-field';
import { TextField } from '../../shared/text-field';
import { CloseButton, FormFrame } from '../../shared/form-frame';
import { NewPasswordFields } from '../../shared/new-password-fields';

interface AddSignaturePanelProps {
  onClose: () => void;
  onCreated: (signature: DeclarantSignature) => void;
  /** Called with every refusal (e.g. to re-read the client-space status). */
  onRefused: (error: unknown) => void;
}

/** The panel: loads the partner's validity durations, then shows the form. */
export function AddSignaturePanel({ onClose, onCreated, onRefused }: AddSignaturePanelProps) {
  // Loaded when the panel opens; a refusal is also told to the page (e.g. the client space
  // was disconnected meanwhile).
  const read = useApiQuery(['signature-options'], () =>
    getSignatureOptions().catch((caught: unknown) => {
      onRefused(caught);
      throw caught;
    }),
  );
  const options = read.data ?? null;
  const error = read.error;

  return (
    <Dialog titleId="volet-signature" title="Ajouter une signature" onClose={onClose}>
      <p>
        Renseignez le code confidentiel EDI-TDFC, choisissez une durée de validité et le mot de
        passe de la signature.
      </p>
      <ErrorAlert message={error} />
      {options === null ? (
        error === null && <Loading />
      ) : options.validityMonths.length === 0 ? (
        <ErrorAlert message="Le partenaire EDI ne propose aucune durée de validité pour le moment." />
      ) : (
        <AddSignatureForm options={options} onCreated={onCreated} onRefused={onRefused} />
      )}
      <CloseButton onClose={onClose} />
    </Dialog>
  );
}

function AddSignatureForm({
  options,
  onCreated,
  onRefused,
}: {
  options: SignatureOptions;
  onCreated: (signature: DeclarantSignature) => void;
  onRefused: (error: unknown) => void;
}) {
  const form = useForm({
    id: 'ajout-signature',
    schema: createSignatureRequest,
    initial: {
      confidentialCode: '',
      validityMonths: String(options.validityMonths[0] ?? ''),
      password: '',
      passwordConfirmation: '',
    },
    fieldForCode: {
      WEAK_PASSWORD: 'password',
      CONFIDENTIAL_CODE_INVALID: 'confidentialCode',
      VALIDITY_NOT_ALLOWED: 'validityMonths',
    },
  });
  const keyType = chooseKeyType(options);
  const validityOptions = options.validityMonths.map((months) => ({
    value: String(months),
    label: validityLabel(months),
  }));

  const submit = form.handleSubmit(
    async (data) => {
      try {
        onCreated(await createSignature(data));
      } catch (error) {
        onRefused(error);
        throw error;
      }
    },
    {
      validityMonths: Number(form.values.validityMonths),
      ...(keyType === undefined ? {} : { keyType }),
    },
  );

  return (
    <FormFrame form={form} onSubmit={submit} submit="Enregistrer" busyText="Enregistrement…">
      <TextField
        label="Code confidentiel EDI-TDFC"
        autoComplete="off"
        hint="Le code transmis par email à l’administrateur du compte client."
        {...form.field('confidentialCode')}
      />
      <SelectField
        label="Durée de validité"
        options={validityOptions}
        {...form.field('validityMonths')}
      />
      <p id="ajout-signature-memo" className="field-hint form-note">
        Ce mot de passe vous sera demandé à chaque envoi de déclarations. Mémorisez-le : il ne peut
        pas être récupéré.
      </p>
      <NewPasswordFields
        password={form.field('password')}
        confirmation={form.field('passwordConfirmation')}
        describedBy="ajout-signature-memo"
      />
    </FormFrame>
  );
}
