// The audit events table of the "Journal d'audit" page.
import type { AuditEvent } from '@passerelle/contracts';
import { auditActionLabel } from './audit-labels';
import { formatDateTime } from '../../shared/format';

const none = '—';

/** Table (Date, Action, Auteur, Utilisateur concerné, Adresse IP), newest first. */
export function AuditTable({ events }: { events: readonly AuditEvent[] }) {
  if (events.length === 0) return <p>Aucun événement.</p>;
  return (
    <div className="table-wrapper">
      <table>
        <caption className="visually-hidden">Événements du journal d’audit</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Action</th>
            <th scope="col">Auteur</th>
            <th scope="col">Utilisateur concerné</th>
            <th scope="col">Adresse IP</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.seq}>
              <td>
                <time dateTime={event.at}>{formatDateTime(event.at)}</time>
              </td>
              <td>{auditActionLabel(event.action)}</td>
              <td>{event.actor?.email ?? none}</td>
              <td>{event.target?.email ?? none}</td>
              <td>{event.ip ?? none}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
