// "Anomalies" of the liasse editor: errors first, then "Avertissements"; each a link to the
// cell it concerns (the editor switches to the form's tab and focuses the cell).
import type { DeclarationAnomaly } from '@passerelle/contracts';
import { AnomalyFillButton, isFillable } from './anomaly-fill-button';

interface AnomalyPanelProps {
  /** Already sorted (errors first). */
  anomalies: readonly DeclarationAnomaly[];
  /** The id of the element an anomaly leads to, or null when it names no form of the editor. */
  targetOf: (anomaly: DeclarationAnomaly) => string | null;
  onSelect: (anomaly: DeclarationAnomaly) => void;
  /** Sets a total's expected value into its cell (« Reporter »); absent when read-only. */
  onFill?: (anomaly: DeclarationAnomaly) => void;
}

/** The list of anomalies; "Aucune anomalie." when the validator found nothing. */
export function AnomalyPanel({ anomalies, targetOf, onSelect, onFill }: AnomalyPanelProps) {
  const errors = anomalies.filter((anomaly) => anomaly.severity === 'error');
  const warnings = anomalies.filter((anomaly) => anomaly.severity === 'warning');

  const list = (items: readonly DeclarationAnomaly[], className: string) => (
    <ul className={`anomaly-list ${className}`}>
      {items.map((anomaly, index) => {
        const target = targetOf(anomaly);
        return (
          <li key={index}>
            {target === null ? (
              anomaly.message
            ) : (
              <a
                href={`#${target}`}
                onClick={(event) => {
                  event.preventDefault();
                  onSelect(anomaly);
                }}
              >
                {anomaly.message}
              </a>
            )}
            {onFill !== undefined && target !== null && isFillable(anomaly) && (
              <>
                {' '}
                <AnomalyFillButton anomaly={anomaly} onFill={onFill} />
              </>
            )}
          </li>
        );
      })}
    </ul>
  );

  return (
    <section className="card anomaly-panel" aria-labelledby="anomalies-titre">
      <h2 id="anomalies-titre">Anomalies</h2>
      {anomalies.length === 0 && <p>Aucune anomalie.</p>}
      {errors.length > 0 && (
        <>
          <h3 id="anomalies-erreurs">Erreurs ({errors.length})</h3>
          {list(errors, 'anomaly-errors')}
        </>
      )}
      {warnings.length > 0 && (
        <>
          <h3 id="anomalies-avertissements">Avertissements ({warnings.length})</h3>
          {list(warnings, 'anomaly-warnings')}
        </>
      )}
    </section>
  );
}
