// "Suivi des envois" on a declaration's page: the latest transmission in full, the earlier ones
// folded; followed every few seconds until nothing more can happen by itself.
import { useEffect, useRef, useState } from 'react';
import type { Transmission, TransmissionStatus } from '@passerelle/contracts';
import { transmissionStatusText, transmissionTitle } from './transmission-labels';
import { useTransmissions } from './use-transmissions';
import { ErrorAlert, Notice } from '../../shared/alerts';
import { TransmissionDetails } from './transmission-details';
import './sending.css';

interface TransmissionTimelineProps {
  declarationId: string;
  /** Starts following again (the declaration was just sent from its page). */
  version: number;
  /** Called when the latest transmission's status changes: the declaration's status did too. */
  onStatusChange: (status: TransmissionStatus) => void;
}

/** The section, shown once the declaration has been sent at least once. */
export function TransmissionTimeline({
  declarationId,
  version,
  onStatusChange,
}: TransmissionTimelineProps) {
  const { transmissions, error, update } = useTransmissions(declarationId, version);
  const [notice, setNotice] = useState<string | null>(null);
  const latest = transmissions?.[0];
  const earlier = transmissions?.slice(1) ?? [];
  const seen = useRef<string | null>(null);

  useEffect(() => {
    if (latest === undefined) return;
    const key = `${latest.id}|${latest.status}`;
    // Not at the first answer: the page has just read the declaration itself.
    if (seen.current !== null && seen.current !== key) onStatusChange(latest.status);
    seen.current = key;
  }, [latest?.id, latest?.status]);

  const retried = (transmission: Transmission) => {
    setNotice('Envoi relancé : le même fichier signé va être transmis à nouveau.');
    update(transmission);
  };

  if (latest === undefined) return error === null ? null : <ErrorAlert message={error} />;
  return (
    <section className="card transmissions" aria-labelledby="suivi-envois">
      <h2 id="suivi-envois">Suivi des envois</h2>
      <Notice>{notice}</Notice>
      <ErrorAlert message={error} />
      <TransmissionDetails transmission={latest} onRetried={retried} />
      {earlier.length > 0 && (
        <details className="earlier-transmissions">
          <summary>
            {earlier.length === 1 ? 'Envoi précédent' : `Envois précédents (${earlier.length})`}
          </summary>
          {earlier.map((transmission) => (
            <details key={transmission.id} className="earlier-transmission">
              <summary>
                {transmissionTitle(transmission)} — {transmissionStatusText(transmission.status)}
              </summary>
              <TransmissionDetails transmission={transmission} onRetried={retried} level={4} />
            </details>
          ))}
        </details>
      )}
    </section>
  );
}
