// The selected form of the liasse editor (role="tabpanel"): its heading, the "Occurrence" of a
// repeated form, and the table of its cells.
import type { ComponentProps } from 'react';
import type { EditorLayout } from '@passerelle/contracts';
import { panelHeadingId } from './anomaly-index';
import { DeclarationFormTable } from './declaration-form-table';
import { IDENTIFICATION_FORM } from './declaration-labels';
import { tabId } from './form-tabs';

type TableProps = ComponentProps<typeof DeclarationFormTable>;

/** What the table needs of the editor (use-declaration-editor.ts). */
export interface CellEditing {
  entryOf: TableProps['entryOf'];
  draftOf: TableProps['draftOf'];
  errorOf: TableProps['errorOf'];
  edit: TableProps['onEdit'];
  leave: TableProps['onLeave'];
}

interface FormPanelProps {
  form: EditorLayout['forms'][number];
  occurrence: number;
  occurrenceCount: number;
  onOccurrence: (occurrence: number) => void;
  /** The declaration is not editable any more (sent); F-IDENTIF never is. */
  readOnly: boolean;
  anomaliesByCode: TableProps['anomaliesByCode'];
  editor: CellEditing;
}

/** The panel of `form`, occurrence `occurrence`. */
export function FormPanel(props: FormPanelProps) {
  const { form, occurrence, occurrenceCount } = props;
  const identification = form.id === IDENTIFICATION_FORM;
  return (
    <div role="tabpanel" id={`panneau-${form.id}`} aria-labelledby={tabId(form.id)}>
      <h3 id={panelHeadingId(form.id)} tabIndex={-1}>
        {identification ? 'Identification' : `Formulaire ${form.label}`}
      </h3>
      {identification && (
        <p className="field-hint">
          L’identification reprend le dossier (SIREN, adresse, régime) et l’exercice : modifiez le
          dossier pour la changer.
        </p>
      )}
      {occurrenceCount > 1 && (
        <div className="field occurrence-field">
          <label htmlFor={`occurrence-${form.id}`}>Occurrence</label>
          <select
            id={`occurrence-${form.id}`}
            value={occurrence}
            onChange={(event) => props.onOccurrence(Number(event.target.value))}
          >
            {Array.from({ length: occurrenceCount }, (_, index) => (
              <option key={index} value={index}>
                {index + 1}
              </option>
            ))}
          </select>
        </div>
      )}
      <DeclarationFormTable
        key={`${form.id}|${occurrence}`}
        form={form}
        occurrence={occurrence}
        readOnly={identification || props.readOnly}
        anomaliesByCode={props.anomaliesByCode}
        entryOf={props.editor.entryOf}
        draftOf={props.editor.draftOf}
        errorOf={props.editor.errorOf}
        onEdit={props.editor.edit}
        onLeave={props.editor.leave}
      />
    </div>
  );
}
