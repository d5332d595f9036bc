// "SIRET du cabinet" of "Paramètres du cabinet": the rédacteur named in every interchange.
import { useState } from 'react';
import { z } from 'zod';
import { updateFirmSettingsRequest } from '@passerelle/contracts';
import { getFirmSettings, saveFirmSettings } from '../../api/endpoints';
import { useApiQuery } from '../../shared/use-api-query';
import { useForm } from '../../shared/use-form';
import { ErrorAlert, Notice } from '../../shared/alerts';
import { Loading } from '../../shared/page';
import { TextField } from '../../shared/text-field';
import { FormFrame } from '../../shared/form-frame';

const siretForm = z.object({ siret: updateFirmSettingsRequest.shape.siret.unwrap().unwrap() });

/** Reads the firm's SIRET, then shows the form to change it (administrators). */
export function FirmSiretSetting() {
  const settings = useApiQuery(['firm-settings', 'siret'], getFirmSettings);
  const error = settings.error;

  return (
    <section className="card" aria-labelledby="cabinet-siret">
      <h2 id="cabinet-siret">Identification</h2>
      <ErrorAlert message={error} />
      {settings.data === undefined ? (
        error === null && <Loading />
      ) : (
        <SiretForm initial={settings.data.siret} />
      )}
    </section>
  );
}

function SiretForm({ initial }: { initial: string | null }) {
  const [notice, setNotice] = useState<string | null>(null);
  const form = useForm({
    id: 'siret-cabinet',
    schema: siretForm,
    initial: { siret: initial ?? '' },
  });
  const submit = form.handleSubmit(async (data) => {
    setNotice(null);
    await saveFirmSettings({ siret: data.siret });
    setNotice('SIRET du cabinet enregistré.');
  });
  return (
    <>
      {initial === null && (
        <p>Renseignez le SIRET du cabinet : il est écrit dans chaque fichier EDI transmis.</p>
      )}
      <Notice>{notice}</Notice>
      <FormFrame
        form={form}
        onSubmit={submit}
        submit="Enregistrer le SIRET"
        busyText="Enregistrement…"
      >
        <TextField
          label="SIRET du cabinet"
          hint="14 chiffres : le cabinet est le rédacteur des déclarations qu’il transmet."
          inputMode="numeric"
          {...form.field('siret')}
        />
      </FormFrame>
    </>
  );
}
