// Any unknown path.
import { Page } from '../shared/page';
import { Link } from 'react-router';

/** "Page introuvable" with a way back. */
export function NotFoundPage() {
  return (
    <Page title="Page introuvable">
      <p>Cette page n’existe pas.</p>
      <p>
        <Link to="/">Retour à l’accueil</Link>
      </p>
    </Page>
  );
}
