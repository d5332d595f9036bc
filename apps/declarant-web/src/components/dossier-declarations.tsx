// "Déclarations" on a dossier's page. Placeholder: the declarations (liasses, sending) come with
// the next part of issue #6, which fills this component in.
import type { Dossier } from '@passerelle/contracts';

/** The dossier's declarations; none yet. */
export function DossierDeclarations({ dossier }: { dossier: Dossier }) {
  return (
    <section className="card" aria-labelledby={`dossier-${dossier.id}-declarations`}>
      <h2 id={`dossier-${dossier.id}-declarations`}>Déclarations</h2>
      <p>Aucune déclaration.</p>
    </section>
  );
}
