// What `npm start` prints once every service is ready: the addresses in a box, and the one-time
// setup link in a second, heavier box that cannot be missed. Node built-ins only.

/**
 * @typedef {object} StartSummary
 * @property {number} seconds since `npm start` began
 * @property {string} declarantUrl
 * @property {string | undefined} setupLink the declarant's one-time link, until setup is done
 * @property {string} portalUrl the partner's portal (client space)
 * @property {string} apiDocsUrl the partner's API page
 * @property {string} inboxUrl the local mail inbox
 * @property {string} logs where the log files are, as shown
 * @property {boolean} echoLogs whether the JSON logs are also on the terminal
 */

/**
 * Draws a box around lines, padded to the longest one.
 * @param {string[]} lines
 * @param {{ h: string, v: string, corners: [string, string, string, string] }} style
 */
function box(lines, style) {
  const width = Math.max(...lines.map((line) => [...line].length));
  const [topLeft, topRight, bottomLeft, bottomRight] = style.corners;
  const rule = style.h.repeat(width + 4);
  return [
    `${topLeft}${rule}${topRight}`,
    ...lines.map(
      (line) => `${style.v}  ${line}${' '.repeat(width - [...line].length)}  ${style.v}`,
    ),
    `${bottomLeft}${rule}${bottomRight}`,
  ].join('\n');
}

const light = {
  h: '─',
  v: '│',
  corners: /** @type {[string, string, string, string]} */ (['┌', '┐', '└', '┘']),
};
const heavy = {
  h: '═',
  v: '║',
  corners: /** @type {[string, string, string, string]} */ (['╔', '╗', '╚', '╝']),
};

/**
 * The summary text (ends with a newline).
 * @param {StartSummary} s
 * @returns {string}
 */
export function formatSummary(s) {
  const main = box(
    [
      `Passerelle est prêt (démarré en ${s.seconds} s).`,
      '',
      `Déclarant (l’application)         ${s.declarantUrl}`,
      `Partenaire EDI : espace client    ${s.portalUrl}`,
      `Partenaire EDI : API et sa doc    ${s.apiDocsUrl}`,
      `Boîte mail locale                 ${s.inboxUrl}`,
      '',
      `Journaux (JSON) : ${s.logs}`,
      s.echoLogs
        ? 'Ils s’affichent aussi ci-dessous (--logs).'
        : 'Pour les voir aussi ici : npm start -- --logs',
      'Arrêter : Ctrl-C',
    ],
    light,
  );
  const next = s.setupLink
    ? box(
        [
          'PREMIÈRE CONFIGURATION',
          '',
          'Ouvrez ce lien à usage unique pour créer le cabinet et son administrateur :',
          '',
          s.setupLink,
          '',
          'Un nouveau lien est imprimé à chaque démarrage tant que la configuration',
          'n’est pas faite (l’ancien cesse alors de fonctionner).',
        ],
        heavy,
      )
    : `Connectez-vous sur ${s.declarantUrl}/connexion avec votre adresse email et votre mot de passe.`;
  return `\n${main}\n\n${next}\n\n`;
}
