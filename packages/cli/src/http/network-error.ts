/** Why fetch could not reach the server, in French (fetch only says "fetch failed"). */
export function describeNetworkError(error: unknown): string {
  if (error instanceof DOMException && error.name === 'TimeoutError')
    return 'pas de réponse dans le délai';
  if (error instanceof DOMException && error.name === 'AbortError') return 'requête interrompue';
  const cause =
    error instanceof Error
      ? (error.cause as { code?: string; message?: string } | undefined)
      : undefined;
  switch (cause?.code) {
    case 'ECONNREFUSED':
      return 'connexion refusée (le serveur est-il démarré ?)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'nom de machine inconnu';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'connexion coupée';
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'délai de connexion dépassé';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'machine inaccessible';
    default:
      if (cause?.code?.startsWith('ERR_TLS') || cause?.code?.includes('CERT'))
        return 'certificat TLS refusé';
      if (cause?.code) return `erreur réseau (${cause.code})`;
      return cause?.message ? `erreur réseau (${cause.message})` : 'erreur réseau';
  }
}
