// Check 3: a syntax fault of the deposit gives a CONTRL (and no CR) naming its 0085 code and its
// place, at the ISO level it belongs to (UCI, UCF, UCM, UCS/UCD), and the same in `errors`.
import { describe, expect, it } from 'vitest';
import { simplified } from '../testing/declarations';
import { InfentError } from '../infent/infent-error';
import { readContrl, type ContrlRead } from './contrl-read';
import { processDeposit, type DgfipOutcome } from './process-deposit';
import { EXPECT, bytesOf, depositOf, edited, latin1, parseReturn } from '../testing/returns';

const clean = depositOf(simplified());
const SUBJECT = {
  controlReference: '25031409300001',
  sender: ['73282932000074', '5', 'I'],
  recipient: ['1234567', '146'],
};
/** UNB 1, UNG 2, UNH 3: the first message's segment n is interchange segment n + 2. */
const UNH_INDEX = 3;

function contrlOf(outcome: DgfipOutcome): ContrlRead & { text: string } {
  if (!('contrl' in outcome)) throw new Error(`CONTRL attendu, ${outcome.kind}`);
  expect(outcome.kind).toBe('syntax_rejected');
  expect(parseReturn(outcome.contrl).messages.map((m) => m.type)).toEqual(['CONTRL']);
  return { ...readContrl(outcome.contrl), text: outcome.contrl };
}

describe('processDeposit: syntax (CONTRL)', () => {
  it('reports a wrong UNT count in the message (UCM, code 29, element 1 of UNT)', () => {
    const bytes = edited(clean, (t) => t.replace('UNT+330+00001', 'UNT+331+00001'));
    const outcome = processDeposit(bytes, EXPECT);
    const { report, text, envelope } = contrlOf(outcome);
    expect(text).toContain("UCM+00001+INFENT:D:00B:UN:FD2501+4+29+UNT+1'");
    expect(report.interchange).toEqual(SUBJECT);
    expect(report.action).toBe('4');
    expect(report.groups).toEqual([
      {
        reference: '1',
        sender: ['NON_SECURISE_NON_SIGNE'],
        recipient: ['MULTI_DISTRIBUTION'],
        action: '4',
        messages: [
          {
            reference: '00001',
            type: ['INFENT', 'D', '00B', 'UN', 'FD2501'],
            action: '4',
            error: { code: '29', tag: 'UNT', element: 1 },
            segments: [],
          },
        ],
      },
    ]);
    expect(outcome.errors).toEqual([
      {
        level: 'syntax',
        severity: 'rejet',
        code: '29',
        form: null,
        cell: null,
        occurrence: null,
        label: 'UNT',
        message:
          'Segment 332 (UNT), élément 1 : le nombre de segments annoncé (331) ne correspond pas au nombre réel (330).',
      },
    ]);
    // Returned to the deposit's sender, in test mode, from the configured sender.
    expect(envelope).toEqual(
      expect.objectContaining({
        sender: 'DGI_EDI_TDFC',
        recipient: SUBJECT.sender,
        test: true,
      }),
    );
  });

  it('reports a UNZ reference that differs from UNB (UCI, code 28, element 2 of UNZ)', () => {
    const bytes = edited(clean, (t) =>
      t.replace(/UNZ\+1\+25031409300001'$/, "UNZ+1+25031409300002'"),
    );
    const outcome = processDeposit(bytes, EXPECT);
    const { report, text } = contrlOf(outcome);
    expect(text).toContain("UCI+25031409300001+73282932000074:5:I+1234567:146+4+28+UNZ+2'");
    expect(report.error).toEqual({ code: '28', tag: 'UNZ', element: 2 });
    expect(report.groups).toEqual([]);
    expect(outcome.errors).toEqual([
      expect.objectContaining({
        code: '28',
        label: 'UNZ',
        message: expect.stringMatching(/^Segment 334 \(UNZ\), élément 2 : /),
      }),
    ]);
  });

  it('reports a recipient that is not this partner (code 7 on UNB S003)', () => {
    const outcome = processDeposit(clean, { ...EXPECT, recipient: '7654321' });
    const { report } = contrlOf(outcome);
    expect(report.error).toEqual({ code: '7', tag: 'UNB', element: 3, component: 1 });
    expect(outcome.errors).toEqual([
      expect.objectContaining({
        code: '7',
        label: 'UNB',
        message: expect.stringMatching(
          /^Segment 1 \(UNB\), élément 3, composant 1 : destinataire « 1234567 » .*7654321/,
        ),
      }),
    ]);
  });

  it('reports a test interchange sent to production, and the reverse (code 25 on UNB 0035)', () => {
    const production = processDeposit(clean, { ...EXPECT, testIndicator: false });
    expect(contrlOf(production).report.error).toEqual({ code: '25', tag: 'UNB', element: 11 });
    const notTest = edited(clean, (t) => t.replace("IDF25+1'", "IDF25'"));
    const outcome = processDeposit(notTest, EXPECT);
    expect(contrlOf(outcome).report.error).toEqual({ code: '25', tag: 'UNB', element: 11 });
    // The return of a production interchange is not a test interchange.
    expect(contrlOf(outcome).envelope.test).toBe(false);
  });

  it('lists every UNB fault in errors (the UCI carries the first)', () => {
    const outcome = processDeposit(clean, {
      ...EXPECT,
      recipient: '7654321',
      testIndicator: false,
    });
    expect(outcome.errors.map((e) => e.code)).toEqual(['7', '25']);
    expect(contrlOf(outcome).report.error?.code).toBe('7');
  });

  it('reports a truncated file inside its message (UCS with code 13 at the cut segment)', () => {
    const text = latin1(clean);
    const cut = text.indexOf('MOA+ZZZ:', text.length / 2) + 6;
    const outcome = processDeposit(bytesOf(text.slice(0, cut)), EXPECT);
    const { report } = contrlOf(outcome);
    const [error] = outcome.errors;
    expect(error?.code).toBe('13');
    const segment = Number(/^Segment (\d+) \(MOA\)/.exec(error?.message ?? '')?.[1]);
    expect(segment).toBeGreaterThan(UNH_INDEX);
    expect(report.groups[0]?.messages[0]?.segments).toEqual([
      { position: segment - UNH_INDEX + 1, code: '13', elements: [] },
    ]);
  });

  it('reports a file cut between segments: UNZ missing (code 13)', () => {
    const text = latin1(clean);
    const outcome = processDeposit(bytesOf(text.slice(0, text.indexOf('UNE+'))), EXPECT);
    expect(outcome.errors.map((e) => e.code)).toEqual(['13']);
    expect(outcome.errors[0]?.message).toMatch(/sans segment UNZ/);
  });

  it('refuses bytes that are not EDIFACT at all, with a CONTRL to an unknown sender', () => {
    for (const junk of ['Bonjour, voici ma liasse.', '%PDF-1.7\n%âãÏÓ\n1 0 obj', '']) {
      const outcome = processDeposit(bytesOf(junk), EXPECT);
      const { report } = contrlOf(outcome);
      expect(report.interchange).toEqual({ controlReference: '', sender: [], recipient: [] });
      expect(report.error?.code).toBe('13');
      expect(outcome.errors).toHaveLength(1);
    }
    const notUnb = processDeposit(bytesOf("ABC+DEF'"), EXPECT);
    expect(contrlOf(notUnb).report.error).toEqual({ code: '13', tag: 'ABC' });
  });

  it('reports a character outside UNOL in a data segment (UCS and UCD, code 21)', () => {
    const bytes = edited(clean, (t) =>
      t.replace('BOULANGERIE DES TILLEULS::SARL+12', 'BOULANGERIE\x01DES TILLEULS::SARL+12'),
    );
    const outcome = processDeposit(bytes, EXPECT);
    const { report } = contrlOf(outcome);
    // NAD+DT is segment 9 of the message (UNH 1, BGM 2, DTM 3, RFF ×3, NAD 7…): count it.
    const position =
      latin1(clean)
        .split("'")
        .findIndex((s) => s.startsWith('NAD+DT')) -
      UNH_INDEX +
      1;
    expect(report.groups[0]?.messages[0]?.segments).toEqual([
      { position, elements: [{ code: '21', element: 4, component: 1 }] },
    ]);
    expect(outcome.errors[0]?.code).toBe('21');
  });

  it('refuses a sender other than the one expected, when one is (code 23)', () => {
    const { report } = contrlOf(processDeposit(clean, { ...EXPECT, sender: '11111111111111' }));
    expect(report.error).toEqual({ code: '23', tag: 'UNB', element: 2, component: 1 });
    expect(processDeposit(clean, { ...EXPECT, sender: '73282932000074' }).kind).toBe('accepted');
  });

  it('throws only for an unusable expectation', () => {
    expect(() => processDeposit(clean, { ...EXPECT, now: new Date('x') })).toThrow(InfentError);
    expect(() => processDeposit(clean, { ...EXPECT, returnsSender: ' ' })).toThrow(InfentError);
  });

  it('refuses another charset than UNOL:3 (code 2)', () => {
    const bytes = edited(clean, (t) => t.replace('UNB+UNOL:3', 'UNB+UNOC:3'));
    const { report } = contrlOf(processDeposit(bytes, EXPECT));
    expect(report.error).toEqual({ code: '2', tag: 'UNB', element: 1, component: 1 });
  });

  it('refuses duplicate message references (26) and messages that are not INFENT (14)', () => {
    const two = depositOf(simplified(), simplified());
    const duplicate = edited(two, (t) => t.replaceAll('+00002', '+00001'));
    const first = contrlOf(processDeposit(duplicate, EXPECT));
    expect(first.report.groups[0]?.messages).toEqual([
      expect.objectContaining({
        reference: '00001',
        error: { code: '26', tag: 'UNH', element: 1 },
      }),
    ]);
    const other = edited(clean, (t) =>
      t.replace('UNH+00001+INFENT:D:00B', 'UNH+00001+INVOIC:D:00B'),
    );
    const second = contrlOf(processDeposit(other, EXPECT));
    expect(second.report.groups[0]?.messages[0]?.error).toEqual({
      code: '14',
      tag: 'UNH',
      element: 2,
      component: 1,
    });
  });
});
