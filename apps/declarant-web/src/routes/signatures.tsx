// `/signatures` (administrators): every signature of the firm, with its holder.
import { useEffect, useState } from 'react';
import type { DeclarantSignature } from '@passerelle/contracts';
import { listFirmSignatures } from '../api/endpoints';
import { ErrorAlert } from '../components/alerts';
import { Loading, Page } from '../components/page';
import { SignatureTable } from '../components/signature-table';
import { errorText, hasErrorCode } from '../errors';
import { adminOnlyMessage } from '../messages';

/** "Signatures du cabinet": Titulaire, Adresse email, Numéro de série, dates and status. */
export function SignaturesCabinetPage() {
  const [signatures, setSignatures] = useState<DeclarantSignature[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let active = true;
    listFirmSignatures().then(
      (list) => active && setSignatures(list),
      (caught: unknown) => {
        if (!active) return;
        setError(hasErrorCode(caught, 'FORBIDDEN') ? adminOnlyMessage : errorText(caught));
      },
    );
    return () => {
      active = false;
    };
  }, []);

  return (
    <Page title="Signatures du cabinet">
      <p>
        Les signatures de tous les utilisateurs du cabinet, de la plus récente à la plus ancienne.
        Chacun crée, révoque et exporte ses signatures depuis son compte utilisateur.
      </p>
      <ErrorAlert message={error} />
      {signatures === null ? (
        error === null && <Loading />
      ) : (
        <SignatureTable signatures={signatures} caption="Signatures du cabinet" showEmail />
      )}
    </Page>
  );
}
