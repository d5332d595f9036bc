// The audit events table of the "Journal d'audit" page.
import type { AuditEvent } from '@passerelle/contracts';
import { auditActionLabel } from './audit-labels';
import { formatDateTime } from '../../shared/format';
import { DataTable } from '../../shared/data-table';

const none = '—';

/** Table (Date, Action, Auteur, Utilisateur concerné, Adresse IP), newest first. */
export function AuditTable({ events }: { events: readonly AuditEvent[] }) {
  if (events.length === 0) return <p>Aucun événement.</p>;
  return (
    <DataTable
      caption="Événements du journal d’audit"
      columns={['Date', 'Action', 'Auteur', 'Utilisateur concerné', 'Adresse IP']}
    >
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
    </DataTable>
  );
}
