// One transmission of a declaration: its status, who sent it, its history (Paris time), the
// partner's receipt, the DGFiP's errors, its files, and "Relancer" after an "Échec d'envoi".
import type { Transmission } from '@passerelle/contracts';
import { retryTransmission } from '../../api/sending-endpoints';
import { declarationStatusTone } from '../declarations/declaration-labels';
import { useAction } from '../../shared/use-action';
import { formatDateTime } from '../../shared/format';
import { attemptsText, shortHash, transmissionStatusText } from './transmission-labels';
import { ErrorAlert } from '../../shared/alerts';
import { CopyButton } from '../../shared/copy-button';
import { TransmissionDownloads } from './transmission-downloads';
import { TransmissionErrors } from './transmission-errors';

interface TransmissionDetailsProps {
  transmission: Transmission;
  /** Receives the transmission as "Relancer" left it (queued again). */
  onRetried: (transmission: Transmission) => void;
  /** The level of the sub-headings: 3 for the latest, 4 inside an earlier one. */
  level?: 3 | 4;
}

/** Everything known of one transmission. */
export function TransmissionDetails({
  transmission,
  onRetried,
  level = 3,
}: TransmissionDetailsProps) {
  const Heading = level === 3 ? 'h3' : 'h4';
  const attempts = attemptsText(transmission);
  const prefix = `envoi-${transmission.id}`;
  const failed = transmission.status === 'delivery_failed';

  return (
    <div className="transmission">
      <p className="transmission-status">
        Statut de l’envoi :{' '}
        <span className={`tag tag-${declarationStatusTone(transmission.status)}`}>
          {transmissionStatusText(transmission.status)}
        </span>
        {transmission.testMode && <span className="tag tag-pending">Mode test</span>}
      </p>
      <p>
        Envoyée par {transmission.sender.name} le{' '}
        <time dateTime={transmission.createdAt}>{formatDateTime(transmission.createdAt)}</time>,
        signée avec la signature n° <span className="serial">{transmission.signatureSerial}</span>.
      </p>
      {attempts !== null && <p className="field-hint">{attempts}</p>}
      {transmission.lastError !== null && (failed || transmission.status === 'queued') && (
        <p className="alert alert-warning">Dernière erreur : {transmission.lastError}</p>
      )}
      {failed && <RetryButton transmission={transmission} onRetried={onRetried} />}

      <Heading id={`${prefix}-historique`}>Historique</Heading>
      <ol className="timeline" aria-labelledby={`${prefix}-historique`}>
        {/* In the server's order, the order things happened: the times come from two clocks
            (ours for "Transmise", the partner's for the DGFiP's steps), so they are not sorted. */}
        {transmission.history.map((event, index) => (
          <li key={index} className="timeline-event">
            <time dateTime={event.at}>{formatDateTime(event.at)}</time>{' '}
            <span className={`tag tag-${declarationStatusTone(event.status)}`}>
              {transmissionStatusText(event.status)}
            </span>
            {event.detail !== null && <p className="timeline-detail">{event.detail}</p>}
          </li>
        ))}
      </ol>

      {transmission.receipt !== null && (
        <>
          <Heading id={`${prefix}-accuse`}>Accusé de réception du partenaire EDI</Heading>
          <dl className="details" aria-labelledby={`${prefix}-accuse`}>
            <dt>Numéro de dépôt</dt>
            <dd className="serial">{transmission.receipt.depositId}</dd>
            <dt>Reçu le</dt>
            <dd>
              <time dateTime={transmission.receipt.receivedAt}>
                {formatDateTime(transmission.receipt.receivedAt)}
              </time>
            </dd>
            <dt>Empreinte SHA-256</dt>
            <dd>
              <code title={transmission.receipt.bodySha256}>
                {shortHash(transmission.receipt.bodySha256)}
              </code>{' '}
              <CopyButton
                value={transmission.receipt.bodySha256}
                label="Copier l’empreinte SHA-256"
              />
            </dd>
          </dl>
        </>
      )}

      <TransmissionErrors
        errors={transmission.errors}
        caption={
          transmission.hasContrl
            ? 'Erreurs du CONTRL (rejet syntaxique)'
            : 'Erreurs du compte rendu de la DGFiP'
        }
      />

      <Heading id={`${prefix}-fichiers`}>Fichiers</Heading>
      <TransmissionDownloads transmission={transmission} />
    </div>
  );
}

/** "Relancer": queues the same signed bytes again, under the same transmission id. */
function RetryButton({
  transmission,
  onRetried,
}: {
  transmission: Transmission;
  onRetried: (transmission: Transmission) => void;
}) {
  const {
    run: retry,
    busy,
    error,
  } = useAction(async () => onRetried(await retryTransmission(transmission.id)));

  return (
    <div className="retry">
      <ErrorAlert message={error} />
      <button
        type="button"
        className="button button-primary"
        disabled={busy}
        aria-busy={busy}
        onClick={() => retry()}
      >
        Relancer
      </button>
    </div>
  );
}
