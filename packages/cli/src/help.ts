import type { CommandName } from './args';

const connection = `Connexion (toutes les commandes) :
  --server <url>                  serveur Passerelle (PASSERELLE_URL ; par défaut http://127.0.0.1:3000)
  --email <adresse>               votre adresse de connexion (PASSERELLE_EMAIL ; sinon demandée)
  --account-password-file <f>     fichier dont la 1re ligne est le mot de passe du compte
                                  (PASSERELLE_PASSWORD_FILE ; sinon demandé sans affichage)
  Un fichier de mot de passe doit n’être lisible que par vous (chmod 600).
  La session ne dure que le temps de la commande : rien n’est enregistré.`;

const exitCodes = `Codes de sortie :
  0  tout est accepté (avec --no-wait : tout est transmis, rien n’est refusé)
  1  une déclaration au moins est rejetée ou en échec, ou erreur inattendue du serveur
  2  erreur d’utilisation ou de saisie (option, dossier inconnu, rien de prêt, fichier)
  3  authentification ou signature refusée (compte, espace client, mot de passe, signature)
  4  serveur injoignable (Passerelle ou le partenaire EDI)
  130  interrompu (Ctrl-C)`;

const texts: Record<CommandName | 'main', string> = {
  main: `passerelle — envoyer ses déclarations EDI-TDFC depuis un terminal

Utilisation : passerelle [options de connexion] <commande> [options]

Commandes :
  send     signer et envoyer les déclarations « Prête », suivre leur progression
  status   statut des déclarations et de leur dernière transmission
  export   télécharger le fichier signé, l’accusé de réception, le CONTRL et le CR
  campaign installer un pack de campagne (tables DGFiP), lister les packs (administrateurs)

  passerelle <commande> --help    aide d’une commande
  passerelle --version            version

${connection}

${exitCodes}
`,
  campaign: `passerelle campaign — les tables de la DGFiP d’une campagne (administrateurs)

Utilisation :
  passerelle campaign install <dossier ou archive .zip/.tar.gz>
  passerelle campaign list

install  envoie le pack (un dossier est d’abord compressé en .zip) : manifest.json et les
         fichiers de la DGFiP (tdfcAAf.edi, tdfcAAd.edi, tables.json, labels/*.json). Le
         serveur vérifie tout le pack : il est installé en entier, ou refusé avec le fichier,
         la ligne et la colonne en cause, et rien n’est installé.
list     les packs installés (campagne, édition, millésimes, date, source) et le pack qui
         sert chaque millésime (millésime 26 : exercices clos en 2025).

${connection}

${exitCodes}
`,
  send: `passerelle send — signer et envoyer des déclarations « Prête »

Utilisation :
  passerelle send --dossier <SIREN ou id> [options]
  passerelle send --id <id de déclaration> [--id <id>…] [options]
  passerelle send --all-ready [options]

Options :
  --dossier <SIREN ou id>    les déclarations « Prête » de ce dossier (les autres sont ignorées)
  --id <id>                  cette déclaration (répétable, ou séparées par des virgules) ;
                             chacune doit être « Prête »
  --all-ready                toutes les déclarations « Prête » du cabinet
  --signature <id ou n°>     la signature à utiliser (par défaut : votre signature par défaut)
  --password-file <fichier>  1re ligne = mot de passe de la signature
                             (PASSERELLE_SIGNATURE_PASSWORD_FILE ; sinon demandé sans affichage)
  --no-wait                  s’arrêter dès que tout est « Transmise » (accusé du partenaire
                             vérifié), sans attendre la réponse de la DGFiP

Le mot de passe de la signature est demandé une fois pour tout l’envoi. La progression
s’affiche sur la sortie d’erreur ; le résumé (déclaration, dossier, statut) sur la sortie
standard. Ctrl-C arrête l’attente, pas l’envoi : le serveur continue seul.

${connection}

${exitCodes}
`,
  status: `passerelle status — où en sont les déclarations

Utilisation : passerelle status [--dossier <SIREN ou id>] [--id <id>…] [--json]

Options :
  --dossier <SIREN ou id>    les déclarations de ce dossier
  --id <id>                  ces déclarations (répétable)
  --json                     la même chose en JSON (libellés français inclus)

Sans option : toutes les déclarations du cabinet. Pour celles envoyées : le statut de la
dernière transmission, sa date d’envoi, sa dernière mise à jour et son nombre d’erreurs.

${connection}
`,
  export: `passerelle export — télécharger les fichiers d’une transmission

Utilisation : passerelle export --id <id de déclaration> [--out <dossier>]

Options :
  --id <id>         la déclaration (sa dernière transmission est exportée)
  --out <dossier>   où écrire les fichiers (par défaut : le dossier courant ; créé au besoin ;
                    un fichier du même nom est remplacé)

Écrit le fichier signé envoyé (.p7m), l’accusé de réception signé du partenaire (.p7m), et
le CONTRL / le CR de la DGFiP (.edi) quand ils existent ; affiche le nom de chaque fichier.

${connection}
`,
};

/** The French help of the CLI or of one command. */
export function helpText(topic: CommandName | undefined): string {
  return texts[topic ?? 'main'];
}
