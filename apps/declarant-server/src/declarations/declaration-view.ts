import type {
  DeclarationAnomaly,
  DeclarationDetail,
  DeclarationSummary,
} from '@passerelle/contracts';
import type { Anomaly, Declaration } from '@passerelle/tdfc';
import type { DeclarationSummaryRow } from './declaration-list.repository';
import type { DeclarationListRow } from './declarations.repository';

/** The API view of a listed declaration. */
export function toSummary(row: DeclarationSummaryRow): DeclarationSummary {
  return {
    id: row.id,
    dossierId: row.dossier_id,
    dossierName: row.dossier_name,
    siren: row.dossier_siren,
    exercise: { id: row.exercise_id, start: row.exercise_start, end: row.exercise_end },
    millesime: row.millesime,
    // Once sent, the latest transmission's status; an edit after a refusal clears it.
    status: row.transmission_status ?? row.status,
    source: row.source,
    errorCount: Number(row.error_count),
    warningCount: Number(row.warning_count),
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const toApiAnomaly = (anomaly: Anomaly): DeclarationAnomaly => ({
  severity: anomaly.severity,
  rule: anomaly.rule,
  form: anomaly.form,
  code: anomaly.code ?? null,
  formOccurrence: anomaly.formOccurrence ?? null,
  valueIndex: anomaly.valueIndex ?? null,
  label: anomaly.label ?? null,
  message: anomaly.message,
  expected: anomaly.expected ?? null,
});

/** The API view of one declaration: its forms and the validator's anomalies. */
export function toDetail(
  row: DeclarationListRow,
  declaration: Declaration,
  anomalies: Anomaly[],
): DeclarationDetail {
  return {
    ...toSummary(row),
    forms: declaration.forms as DeclarationDetail['forms'],
    anomalies: anomalies.map(toApiAnomaly),
    pack:
      row.pack_campaign === null || row.pack_edition === null
        ? null
        : { campaign: row.pack_campaign, edition: Number(row.pack_edition) },
  };
}
