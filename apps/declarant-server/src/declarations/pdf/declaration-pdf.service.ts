// "Télécharger le PDF": the declaration, its firm, dossier and exercise, gathered for the
// renderer.
import { declarationStatusLabels } from '@passerelle/contracts';
import {
  IDENTIFICATION_FORM,
  formDisplayName,
  formLayout,
  type TdfcDictionary,
} from '@passerelle/tdfc';
import type { Caller } from '../../auth/session-guard';
import type { AppContext } from '../../context';
import { firmSettings } from '../../firm/firm-settings.service';
import { declarationOf, dictionariesFor, requireDeclaration } from '../declarations.service';
import { renderDeclarationPdf, type PdfForm } from './render-declaration-pdf';

/** The PDF of declaration `id` and the name to save it under. */
export async function declarationPdf(
  ctx: AppContext,
  caller: Caller,
  id: string,
): Promise<{ filename: string; bytes: Buffer }> {
  const row = await requireDeclaration(ctx, id);
  const declaration = declarationOf(row);
  const settings = await firmSettings(ctx, caller.firm.id);
  const tdfc = (await dictionariesFor(ctx, declaration.millesime)).combined;
  const ids = Object.keys(declaration.forms).sort(
    (a, b) => Number(b === IDENTIFICATION_FORM) - Number(a === IDENTIFICATION_FORM),
  );
  const forms = ids.flatMap((formId) => {
    const occurrences = declaration.forms[formId] ?? [];
    return occurrences.map((values, index) =>
      pdfForm(tdfc, declaration.millesime, formId, values, index, occurrences.length),
    );
  });
  const status = row.transmission_status ?? row.status;
  const bytes = await renderDeclarationPdf({
    firm: { name: caller.firm.name, siret: settings.siret, testMode: settings.testMode },
    dossier: { name: row.dossier_name, siren: row.dossier_siren },
    exercise: { start: row.exercise_start, end: row.exercise_end },
    millesime: declaration.millesime,
    status: declarationStatusLabels[status as keyof typeof declarationStatusLabels] ?? status,
    forms,
    createdAt: ctx.now(),
  });
  const end = row.exercise_end.replaceAll('-', '');
  return { filename: `declaration-${row.dossier_siren}-${end}.pdf`, bytes };
}

function pdfForm(
  tdfc: TdfcDictionary,
  millesime: string,
  formId: string,
  values: PdfForm['values'],
  index: number,
  count: number,
): PdfForm {
  const name =
    formId === IDENTIFICATION_FORM ? 'Identification' : `Formulaire ${formDisplayName(formId)}`;
  const cells = new Map(tdfc.cells(millesime, formId).map((cell) => [cell.code, cell]));
  return {
    title: count > 1 ? `${name} (${index + 1} sur ${count})` : name,
    layout: formLayout(tdfc, millesime, formId),
    cells,
    values,
    valueLabel: (code, value) => {
      const table = cells.get(code)?.table;
      return table === undefined ? undefined : tdfc.table(table)?.values.get(value);
    },
  };
}
