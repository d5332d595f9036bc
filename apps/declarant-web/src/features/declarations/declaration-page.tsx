// `/declarations/:id` (every signed-in user): the liasse editor. A tab per form (F-IDENTIF
// read-only as "Identification"), each a table of its cells; changes are validated live by the
// server and the "Anomalies" panel links every finding to its cell.
import { useEffect, useState } from 'react';
import { ErrorAlert, Notice } from '../../shared/alerts';
import { Loading, Page } from '../../shared/page';
import { Link, useParams } from 'react-router';
import { useArrivalNotice } from '../../shared/route-state';
import { TransmissionTimeline } from '../sending/transmission-timeline';
import { declarationTitle } from './declaration-labels';
import { AddFormControl } from './add-form-control';
import { DeclarationActions } from './declaration-actions';
import { isEditable } from './declaration-labels';
import { LiasseForms } from './liasse-forms';
import { DeclarationStatusBar } from './declaration-status-bar';
import { useDeclarationEditor } from './use-declaration-editor';
import './declarations.css';

/** The editor of the declaration named by the path's `:id`. */
export function DeclarationPage() {
  const { id = '' } = useParams();
  return <DeclarationEditor key={id} id={id} />;
}

function DeclarationEditor({ id }: { id: string }) {
  const arrival = useArrivalNotice();
  const editor = useDeclarationEditor(id);
  const { declaration, layout, setNotice, refresh } = editor;
  // Bumped after a sending from this page: "Suivi des envois" starts following it.
  const [sentVersion, setSentVersion] = useState(0);

  useEffect(() => {
    // The arrival notice ("Déclaration créée.") is shown once, not again after a reload.
    if (arrival !== undefined) setNotice(arrival);
    // Only on arrival.
  }, []);

  const title = declaration === null ? 'Déclaration' : declarationTitle(declaration);
  return (
    <Page title={title}>
      {declaration !== null && (
        <p>
          <Link to={`/dossiers/${encodeURIComponent(declaration.dossierId)}`}>
            Dossier {declaration.dossierName}
          </Link>
        </p>
      )}
      <Notice>{editor.notice}</Notice>
      <ErrorAlert message={editor.loadError} />
      {declaration === null || layout === null || layout.forms.length === 0 ? (
        editor.loadError === null && <Loading />
      ) : (
        <>
          <DeclarationStatusBar
            declaration={declaration}
            saveState={editor.saveState}
            saveError={editor.saveError}
            onRetry={editor.retry}
          />
          <DeclarationActions
            id={id}
            status={declaration.status}
            onSent={() => {
              setSentVersion((value) => value + 1);
              void refresh();
            }}
            onStale={() => void refresh()}
          />
          <TransmissionTimeline
            declarationId={id}
            version={sentVersion}
            onStatusChange={() => void refresh()}
          />
          <LiasseForms declaration={declaration} forms={layout.forms} editor={editor} />
          {isEditable(declaration.status) && (
            <AddFormControl
              declaration={declaration}
              onAdded={(next, name) => {
                void editor.replace(next);
                setNotice(`Formulaire ${name} ajouté.`);
              }}
            />
          )}
        </>
      )}
    </Page>
  );
}
