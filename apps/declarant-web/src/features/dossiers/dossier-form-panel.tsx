// "Créer un dossier" and "Modifier" a dossier's identity: the side panel and its form.
import { dossierInput } from '@passerelle/contracts';
import type { Dossier } from '@passerelle/contracts';
import { createDossier, updateDossier } from '../../api/endpoints';
import {
  dossierFormValues,
  fiscalCategoryOptions,
  taxRegimeOptions,
  taxationOptions,
} from './dossier-labels';
import { useForm } from '../../shared/use-form';
import { Dialog } from '../../shared/dialog';
import { SelectField } from '../../shared/select-field';
import { TextField } from '../../shared/text-field';
import { CloseButton, FormFrame } from '../../shared/form-frame';

interface DossierFormPanelProps {
  /** The dossier to change (PUT); absent to create one (POST). */
  dossier?: Dossier;
  onClose: () => void;
  onSaved: (dossier: Dossier) => void;
}

/** The panel; the values are checked with the contract before being sent. */
export function DossierFormPanel({ dossier, onClose, onSaved }: DossierFormPanelProps) {
  const editing = dossier !== undefined;
  const form = useForm({
    id: editing ? 'modification-dossier' : 'creation-dossier',
    schema: dossierInput,
    initial: dossierFormValues(dossier),
    fieldForCode: { SIREN_TAKEN: 'siren' },
  });

  const submit = form.handleSubmit(async (data) => {
    onSaved(editing ? await updateDossier(dossier.id, data) : await createDossier(data));
  });

  return (
    <Dialog
      titleId={editing ? 'volet-modification-dossier' : 'volet-creation-dossier'}
      title={editing ? 'Modifier le dossier' : 'Créer un dossier'}
      onClose={onClose}
    >
      <p>
        {editing
          ? 'L’identité de l’entreprise, telle qu’elle figurera dans ses déclarations.'
          : 'L’entreprise cliente du cabinet : son identité figurera dans ses déclarations.'}
      </p>
      <FormFrame
        form={form}
        onSubmit={submit}
        submit={editing ? 'Enregistrer' : 'Créer'}
        busyText="Enregistrement…"
      >
        <TextField
          label="SIREN"
          inputMode="numeric"
          autoComplete="off"
          hint="9 chiffres, par exemple 732 829 320."
          {...form.field('siren')}
        />
        <TextField label="Raison sociale" autoComplete="off" {...form.field('name')} />
        <TextField label="Adresse" autoComplete="off" {...form.field('street')} />
        <TextField label="Complément d’adresse" autoComplete="off" {...form.field('complement')} />
        <TextField
          label="Code postal"
          inputMode="numeric"
          autoComplete="off"
          {...form.field('postcode')}
        />
        <TextField label="Ville" autoComplete="off" {...form.field('city')} />
        <SelectField
          label="Catégorie fiscale"
          options={fiscalCategoryOptions}
          {...form.field('category')}
        />
        <SelectField label="Régime" options={taxRegimeOptions} {...form.field('regime')} />
        <SelectField label="Imposition" options={taxationOptions} {...form.field('taxation')} />
        <TextField
          label="Référence d’obligation fiscale (ROF)"
          autoComplete="off"
          hint="Par exemple IS1."
          {...form.field('rof')}
        />
      </FormFrame>
      <CloseButton onClose={onClose} />
    </Dialog>
  );
}
