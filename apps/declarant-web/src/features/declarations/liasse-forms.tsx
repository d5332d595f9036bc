// The forms of the liasse editor beside its "Anomalies": which form and occurrence is shown, and
// a link of the panel switching to its cell's form and focusing the cell.
import { useMemo, useState } from 'react';
import type { DeclarationAnomaly, DeclarationDetail, EditorLayout } from '@passerelle/contracts';
import { anomalyTarget, errorsByForm, indexAnomalies } from './anomaly-index';
import { fillAnomaly } from './anomaly-fill-button';
import { AnomalyPanel } from './anomaly-panel';
import { IDENTIFICATION_FORM, isEditable, sortAnomalies } from './declaration-labels';
import { FormPanel, type CellEditing } from './form-panel';
import { FormTabs } from './form-tabs';
import { useFocusTarget } from './use-focus-target';

interface LiasseFormsProps {
  declaration: DeclarationDetail;
  forms: EditorLayout['forms'];
  editor: CellEditing;
}

const emptyIndex: ReadonlyMap<string, readonly DeclarationAnomaly[]> = new Map();

/** The tabs, the selected form's panel, and the anomalies. */
export function LiasseForms({ declaration, forms, editor }: LiasseFormsProps) {
  const [activeForm, setActiveForm] = useState<string | null>(null);
  const [occurrences, setOccurrences] = useState<Partial<Record<string, number>>>({});
  const focus = useFocusTarget();

  const formOrder = useMemo(() => forms.map((form) => form.id), [forms]);
  const anomalies = useMemo(
    () => sortAnomalies(declaration.anomalies, formOrder),
    [declaration, formOrder],
  );
  const anomalyIndex = useMemo(() => indexAnomalies(anomalies), [anomalies]);
  const formErrors = useMemo(() => errorsByForm(anomalies), [anomalies]);
  const targetOf = (anomaly: DeclarationAnomaly) => anomalyTarget(forms, anomaly);

  // The first form to fill (the main return) rather than the read-only identification.
  const current =
    forms.find((form) => form.id === activeForm) ??
    forms.find((form) => form.id !== IDENTIFICATION_FORM) ??
    forms[0];
  if (current === undefined) return null;
  const occurrenceCount = declaration.forms[current.id]?.length ?? 1;
  const occurrence = Math.min(occurrences[current.id] ?? 0, Math.max(0, occurrenceCount - 1));

  function select(anomaly: DeclarationAnomaly): void {
    const target = targetOf(anomaly);
    if (target === null || anomaly.form === null) return;
    const form = anomaly.form;
    setActiveForm(form);
    setOccurrences((previous) => ({ ...previous, [form]: anomaly.formOccurrence ?? 0 }));
    focus(target);
  }

  return (
    <div className="editor-layout">
      <section className="card editor-forms" aria-labelledby="formulaires-titre">
        <h2 id="formulaires-titre" className="visually-hidden">
          Formulaires de la liasse
        </h2>
        <FormTabs
          forms={forms}
          selected={current.id}
          errorsByForm={formErrors}
          onSelect={setActiveForm}
          onKeyboardSelect={(form, tab) => {
            setActiveForm(form);
            focus(tab);
          }}
        />
        <FormPanel
          form={current}
          occurrence={occurrence}
          occurrenceCount={occurrenceCount}
          onOccurrence={(chosen) =>
            setOccurrences((previous) => ({ ...previous, [current.id]: chosen }))
          }
          readOnly={!isEditable(declaration.status)}
          anomaliesByCode={anomalyIndex.get(`${current.id}|${occurrence}`) ?? emptyIndex}
          editor={editor}
        />
      </section>
      <AnomalyPanel
        anomalies={anomalies}
        targetOf={targetOf}
        onSelect={select}
        {...(isEditable(declaration.status)
          ? { onFill: (anomaly: DeclarationAnomaly) => fillAnomaly(forms, editor, anomaly) }
          : {})}
      />
    </div>
  );
}
