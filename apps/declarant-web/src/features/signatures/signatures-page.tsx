// `/signatures` (administrators): every signature of the firm, with its holder, a page at a time.
import { listFirmSignatures } from '../../api/endpoints';
import { adminPageErrorText } from '../../shared/errors';
import { ListCount, ListFooter, ListState } from '../../shared/list-footer';
import { Page } from '../../shared/page';
import { usePagedList } from '../../shared/use-paged-list';
import { SignatureTable } from './signature-table';

const NOUN = ['signature', 'signatures'] as const;

/** "Signatures du cabinet": Titulaire, Adresse email, Numéro de série, dates and status. */
export function SignaturesCabinetPage() {
  const list = usePagedList(
    ['signatures', 'firm'],
    (cursor, limit) => listFirmSignatures({ cursor, limit }),
    adminPageErrorText,
  );

  return (
    <Page title="Signatures du cabinet">
      <p>
        Les signatures de tous les utilisateurs du cabinet, de la plus récente à la plus ancienne.
        Chacun crée, révoque et exporte ses signatures depuis son compte utilisateur.
      </p>
      <ListState list={list}>
        {(signatures) => (
          <>
            <ListCount total={list.total} noun={NOUN} />
            <SignatureTable signatures={signatures} caption="Signatures du cabinet" showEmail />
            <ListFooter list={list} noun={NOUN} />
          </>
        )}
      </ListState>
    </Page>
  );
}
