// Anomalies found by the validator, and how their French messages name the place they concern.
import { formDisplayName } from '../dictionary/form-name';

/** `error` blocks the sending; `warning` is shown and may be overridden by the user. */
export type Severity = 'error' | 'warning';

/** One problem of a declaration, located down to the value. */
export interface Anomaly {
  severity: Severity;
  /** Stable rule id (`amount.not-integer`…): the UI may group on it, never parse the message. */
  rule: string;
  /** Form concerned; declaration-level facts (SIREN, exercise, millésime) belong to F-IDENTIF. */
  form: string;
  code?: string;
  /** 0-based occurrence of the form. */
  formOccurrence?: number;
  /** 0-based row of a repeatable cell. */
  valueIndex?: number;
  /** Label of the cell (its code when the dictionary has none). */
  label?: string;
  /** French sentence naming form, cell and label, then the reason. */
  message: string;
  /** The value the cell should hold (a coherence total): what "Reporter" fills in. */
  expected?: number;
}

/** Where an anomaly is; `several*` say whether numbers are worth showing in the message. */
export interface Place {
  form: string;
  formOccurrence?: number;
  severalOccurrences?: boolean;
  code?: string;
  label?: string;
  valueIndex?: number;
  repeatable?: boolean;
}

/** A rule's finding before it is placed: severity, rule id and the reason in French. */
export interface Finding {
  severity: Severity;
  rule: string;
  reason: string;
}

/** « 2033-C (occurrence 2), case KA (Nature de l'immobilisation), ligne 3 » */
export function describePlace(place: Place): string {
  let text = formDisplayName(place.form);
  if (place.severalOccurrences && place.formOccurrence !== undefined) {
    text += ` (occurrence ${place.formOccurrence + 1})`;
  }
  if (place.code) {
    text += `, case ${place.code}`;
    if (place.label && place.label !== place.code) text += ` (${place.label})`;
  }
  if (place.repeatable && place.valueIndex !== undefined) text += `, ligne ${place.valueIndex + 1}`;
  return text;
}

/** Builds the anomaly of a finding at a place. */
export function placeFinding(place: Place, finding: Finding): Anomaly {
  const anomaly: Anomaly = {
    severity: finding.severity,
    rule: finding.rule,
    form: place.form,
    message: `${describePlace(place)} : ${finding.reason}`,
  };
  if (place.code !== undefined) anomaly.code = place.code;
  if (place.formOccurrence !== undefined) anomaly.formOccurrence = place.formOccurrence;
  if (place.valueIndex !== undefined) anomaly.valueIndex = place.valueIndex;
  if (place.label !== undefined) anomaly.label = place.label;
  return anomaly;
}

/** An error finding (blocks the sending). */
export const error = (rule: string, reason: string): Finding => ({
  severity: 'error',
  rule,
  reason,
});
/** A warning finding (shown, does not block). */
export const warning = (rule: string, reason: string): Finding => ({
  severity: 'warning',
  rule,
  reason,
});
