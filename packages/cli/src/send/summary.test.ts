import { describe, expect, it } from 'vitest';
import { ExitCode, CliError } from '../exit-codes';
import { buildDeclarationSummary, buildTransmission } from '../testing/api-answers';
import { selectReady } from './select-ready';
import { renderSendSummary } from './summary';

const ACCEPTED = buildDeclarationSummary({ id: 'a1', status: 'accepted' });
const REJECTED = buildDeclarationSummary({
  id: 'r2',
  dossierName: 'Garage Dupont',
  siren: '552100554',
  status: 'rejected',
});
const FAILED = buildDeclarationSummary({
  id: 'f3',
  dossierName: 'Café du Port',
  status: 'delivery_failed',
});

describe('send summary', () => {
  it('lists each declaration with its dossier, closing date and French status, then why the others failed', () => {
    const latest = new Map([
      [
        'r2',
        buildTransmission({
          errors: [
            {
              level: 'integrability',
              severity: 'rejet',
              code: 'TOTAL',
              form: '2033A',
              cell: 'FG',
              occurrence: 0,
              label: 'Terrains',
              message: 'Le montant ne correspond pas au total.',
            },
          ],
        }),
      ],
      [
        'f3',
        buildTransmission({
          status: 'delivery_failed',
          lastError: 'Partenaire injoignable (connexion refusée).',
        }),
      ],
    ]);
    expect(renderSendSummary([ACCEPTED, REJECTED, FAILED], latest)).toBe(
      [
        'Déclaration  Dossier                           Clôture     Statut',
        '───────────  ────────────────────────────────  ──────────  ─────────────',
        'a1           Boulangerie Martin (732 829 320)  31/12/2024  Acceptée',
        'r2           Garage Dupont (552 100 554)       31/12/2024  Rejetée',
        'f3           Café du Port (732 829 320)        31/12/2024  Échec d’envoi',
        '',
        'Rejetée : Garage Dupont (552 100 554), exercice du 01/01/2024 au 31/12/2024 (r2)',
        '  • Rejet — 2033-A, case FG « Terrains » : Le montant ne correspond pas au total. (TOTAL)',
        '',
        'Échec d’envoi : Café du Port (732 829 320), exercice du 01/01/2024 au 31/12/2024 (f3)',
        '  • Partenaire injoignable (connexion refusée).',
        '',
        '3 déclarations — Acceptée : 1 · Rejetée : 1 · Échec d’envoi : 1',
        '',
      ].join('\n'),
    );
  });
});

describe('ready selection', () => {
  it('skips what is not ready in a dossier, but refuses a named declaration that is not ready', () => {
    const draft = buildDeclarationSummary({ id: 'd0', status: 'draft' });
    const ready = buildDeclarationSummary({ id: 'r1' });
    expect(selectReady([draft, ready], false, 'dans le dossier X')).toEqual({
      ready: [ready],
      skipped: [draft],
    });
    let error: unknown;
    try {
      selectReady([draft, ready], true, 'parmi celles indiquées');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(ExitCode.usage);
    expect((error as CliError).message).toBe(
      'Seules les déclarations « Prête » peuvent être envoyées :\n' +
        '  d0 — Boulangerie Martin (732 829 320), exercice du 01/01/2024 au 31/12/2024 : « Brouillon »',
    );
    expect(() => selectReady([draft], false, 'à envoyer')).toThrow(
      'Aucune déclaration « Prête » à envoyer.',
    );
  });
});
