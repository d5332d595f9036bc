// `/signatures` (administrators): every signature of the firm, with its holder, a page at a time.
import { useCallback } from 'react';
import { listFirmSignatures } from '../../api/endpoints';
import { ErrorAlert } from '../../shared/alerts';
import { ListCount, ListFooter } from '../../shared/list-footer';
import { Loading, Page } from '../../shared/page';
import { SignatureTable } from './signature-table';
import { adminPageErrorText } from '../../shared/errors';
import { usePagedList } from '../../shared/use-paged-list';

const NOUN = ['signature', 'signatures'] as const;

/** "Signatures du cabinet": Titulaire, Adresse email, Numéro de série, dates and status. */
export function SignaturesCabinetPage() {
  const load = useCallback(
    (cursor: string | undefined, limit: number) => listFirmSignatures({ cursor, limit }),
    [],
  );
  const list = usePagedList(load, 'firm', adminPageErrorText);
  const error = list.error;

  return (
    <Page title="Signatures du cabinet">
      <p>
        Les signatures de tous les utilisateurs du cabinet, de la plus récente à la plus ancienne.
        Chacun crée, révoque et exporte ses signatures depuis son compte utilisateur.
      </p>
      <ErrorAlert message={error} />
      {list.items === null ? (
        error === null && <Loading />
      ) : (
        <>
          <ListCount total={list.total} noun={NOUN} />
          <SignatureTable signatures={list.items} caption="Signatures du cabinet" showEmail />
          <ListFooter
            shown={list.items.length}
            total={list.total}
            hasMore={list.hasMore}
            loading={list.loadingMore}
            onMore={list.loadMore}
            noun={NOUN}
          />
        </>
      )}
    </Page>
  );
}
