import type { DeclarationSummary } from '@passerelle/contracts';
import { usageError } from '../exit-codes';
import { declarationStatusLabel, dossierLabel, exerciseLabel } from '../format/labels';

/** The declarations to send and the ones of the selection left aside (not "Prête"). */
export interface ReadySelection {
  ready: DeclarationSummary[];
  skipped: DeclarationSummary[];
}

/**
 * Keeps the "Prête" declarations. Declarations named one by one must all be ready (a named
 * declaration silently left out would be a surprise): otherwise an input error names each one
 * with its status. A dossier or "all ready" simply skips the others. Nothing to send is an
 * input error too.
 */
export function selectReady(
  declarations: readonly DeclarationSummary[],
  named: boolean,
  what: string,
): ReadySelection {
  const ready = declarations.filter((declaration) => declaration.status === 'ready');
  const skipped = declarations.filter((declaration) => declaration.status !== 'ready');
  if (named && skipped.length > 0)
    throw usageError(
      [
        'Seules les déclarations « Prête » peuvent être envoyées :',
        ...skipped.map(
          (declaration) =>
            `  ${declaration.id} — ${dossierLabel(declaration)}, exercice ${exerciseLabel(declaration)} : « ${declarationStatusLabel(declaration.status)} »`,
        ),
      ].join('\n'),
    );
  if (ready.length === 0) throw usageError(`Aucune déclaration « Prête » ${what}.`);
  return { ready, skipped };
}
