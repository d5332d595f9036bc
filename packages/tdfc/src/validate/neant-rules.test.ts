import { describe, expect, it } from 'vitest';
import { formOf, ofRule, rulesFired, simplified, validate } from '../testing/declarations';

describe('néant rules', () => {
  it('refuses an empty annex without its néant box', () => {
    const anomalies = validate(simplified((d) => (d.forms['2033D'] = [{}])));
    expect(rulesFired(anomalies)).toEqual(['neant.missing']);
    expect(anomalies[0]).toMatchObject({ severity: 'error', form: '2033D', code: 'PF' });
    expect(anomalies[0]!.message).toBe(
      '2033-D, case PF (Déposé néant?) : formulaire vide : le remplir ou cocher sa case néant (PF = X).',
    );
  });

  it('counts rows left empty (null) as empty', () => {
    const anomalies = validate(simplified((d) => (d.forms['2033G'] = [{ GR: [null] }])));
    expect(rulesFired(anomalies)).toEqual(['neant.missing']);
  });

  it('warns when the néant box is ticked on a form that holds amounts', () => {
    const anomalies = validate(simplified((d) => (formOf(d, '2033G').GT = 2)));
    expect(ofRule(anomalies, 'neant.with-data')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        form: '2033G',
        code: 'GS',
        message:
          '2033-G, case GS (Déposé néant?) : case néant cochée alors que le formulaire porte 1 autre(s) case(s) (GT).',
      }),
    ]);
  });

  it('warns on an empty form that has no néant box', () => {
    const anomalies = validate(simplified((d) => (d.forms['2065'] = [{}])));
    // The 2033-B result (CR) is no longer carried to the emptied 2065 either.
    expect(rulesFired(anomalies)).toEqual(['form.empty', 'report.2033B.2065.benefice']);
    expect(anomalies.every((anomaly) => anomaly.severity === 'warning')).toBe(true);
  });

  it('warns when a form of the simplified liasse is neither filled nor sent néant', () => {
    const anomalies = validate(simplified((d) => delete d.forms['2033E']));
    expect(ofRule(anomalies, 'liasse.form-missing')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        form: '2033E',
        message:
          '2033-E : formulaire absent de la liasse simplifiée : joindre le 2033-E rempli ou déposé néant (case DB).',
      }),
    ]);
  });

  it('does not expect 2033-A…G from a réel normal declaration', () => {
    expect(ofRule(validate(simplified()), 'liasse.form-missing')).toEqual([]);
  });
});
