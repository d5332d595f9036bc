// Seeds a big firm straight into the declarant's database (a bench only: the API would take
// minutes for 50,000 declarations): dossiers, one exercise each, and declarations whose content
// is a real liasse simplifiée (3 KiB), with a mix of statuses like a firm's campaign.
import { randomUUID } from 'node:crypto';
import { openDatabase, type DatabaseTarget } from '@passerelle/server-kit';
import { readFixture } from '@passerelle/tdfc';
import type { TransmissionStatus } from '@passerelle/contracts';
import {
  buildDossier,
  searchText,
  testSiren,
  type DeclarantDatabase,
} from '@passerelle/declarant-server/testing';

/** Rows per INSERT: 16 columns × 500 stays far below both engines' parameter limits. */
const CHUNK = 500;

/** What was seeded: the ids, in insertion order. */
export interface SeededFirm {
  dossierIds: string[];
  declarationIds: string[];
}

/**
 * Statuses cycle over the declarations: most are "prête" or already accepted, some drafts and
 * a few rejections, so the status filters have pages of very different sizes.
 */
const MIX: Array<{ status: 'draft' | 'ready'; transmission: TransmissionStatus | null }> = [
  { status: 'ready', transmission: null },
  { status: 'ready', transmission: null },
  { status: 'draft', transmission: null },
  { status: 'ready', transmission: 'accepted' },
  { status: 'ready', transmission: 'accepted' },
  { status: 'ready', transmission: 'accepted' },
  { status: 'ready', transmission: 'deposited' },
  { status: 'ready', transmission: 'rejected' },
];

/** Inserts `dossiers` dossiers and `declarations` declarations spread over them, created by `userId`. */
export async function seedFirm(
  target: DatabaseTarget,
  options: { dossiers: number; declarations: number; userId: string },
): Promise<SeededFirm> {
  const database = openDatabase<DeclarantDatabase>(target);
  const { db } = database;
  const content = readFixture('liasseSimplifiee');
  const start = Date.parse('2026-01-05T08:00:00.000Z');
  const dossierIds: string[] = [];
  const exerciseIds: string[] = [];
  const declarationIds: string[] = [];
  try {
    await db.transaction().execute(async (tx) => {
      for (let from = 0; from < options.dossiers; from += CHUNK) {
        const count = Math.min(CHUNK, options.dossiers - from);
        const rows = Array.from({ length: count }, (_, k) => {
          const i = from + k;
          const at = new Date(start + i * 1000).toISOString();
          const name = `SOCIETE ${String(i).padStart(5, '0')}`;
          return {
            id: randomUUID(),
            ...buildDossier({ siren: testSiren(i), name, street: '1 rue de la Paix' }),
            name_search: searchText(name),
            complement: null,
            created_at: at,
            updated_at: at,
          };
        });
        await tx.insertInto('dossiers').values(rows).execute();
        const exercises = rows.map((row) => ({
          id: randomUUID(),
          dossier_id: row.id,
          start_date: '2024-01-01',
          end_date: '2024-12-31',
        }));
        await tx.insertInto('exercises').values(exercises).execute();
        dossierIds.push(...rows.map((row) => row.id));
        exerciseIds.push(...exercises.map((row) => row.id));
      }
      for (let from = 0; from < options.declarations; from += CHUNK) {
        const count = Math.min(CHUNK, options.declarations - from);
        const rows = Array.from({ length: count }, (_, k) => {
          const i = from + k;
          const d = i % options.dossiers;
          const mix = MIX[i % MIX.length] ?? { status: 'ready', transmission: null };
          // Several declarations share each second, as an import's do.
          const at = new Date(start + Math.floor(i / 4) * 1000).toISOString();
          return {
            id: randomUUID(),
            dossier_id: dossierIds[d] ?? '',
            exercise_id: exerciseIds[d] ?? '',
            millesime: '25',
            status: mix.status,
            source: 'json' as const,
            content: JSON.stringify({ ...content, siren: testSiren(d) }),
            error_count: mix.status === 'draft' ? 2 : 0,
            warning_count: 0,
            version: 1,
            created_by: options.userId,
            created_at: at,
            updated_at: at,
            transmission_status: mix.transmission,
            latest_transmission_id: null,
          };
        });
        await tx.insertInto('declarations').values(rows).execute();
        declarationIds.push(...rows.map((row) => row.id));
      }
    });
  } finally {
    await database.close();
  }
  return { dossierIds, declarationIds };
}
