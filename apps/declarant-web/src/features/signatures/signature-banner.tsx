// The warning shown above every page when the user's signatures need attention: one expires
// soon, or none is usable any more.
import { useOwnSignatures } from './own-signatures';
import { useSession } from '../auth/session';
import { signatureBannerMessages } from './signature-labels';

/** Renders nothing while signed out, while loading, or when all is well. */
export function SignatureBanner() {
  const { user } = useSession();
  const own = useOwnSignatures(user?.id ?? null);
  if (user === null || own.signatures === null) return null;
  const lines = signatureBannerMessages(own.signatures);
  if (lines.length === 0) return null;
  return (
    <div className="alert alert-warning" role="alert">
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}
