import { describe, expect, it } from 'vitest';
import { exerciseLongerThan, millesimeOfExercise } from '../exercise';
import type { Declaration } from '../model';
import { formOf, ofRule, rulesFired, simplified, validate } from '../testing/declarations';

/** The simplified liasse moved to another exercise, F-IDENTIF kept consistent. */
const withExercise = (start: string, end: string, millesime = '25') =>
  simplified((d: Declaration) => {
    d.exercise = { start, end };
    d.millesime = millesime;
    formOf(d, 'F-IDENTIF').CA = start;
    formOf(d, 'F-IDENTIF').CB = end;
  });

describe('exercise rules', () => {
  it('takes the millésime of the closing date: 31/12/Y-1 to 30/12/Y file the forms of Y', () => {
    expect(millesimeOfExercise('2024-12-31')).toBe('25');
    expect(millesimeOfExercise('2025-06-30')).toBe('25');
    expect(millesimeOfExercise('2025-12-30')).toBe('25');
    expect(millesimeOfExercise('2025-12-31')).toBe('26');
    expect(millesimeOfExercise('2023-12-31')).toBe('24');
  });

  it('refuses dates that do not exist and a period that ends before it starts', () => {
    expect(rulesFired(validate(withExercise('2024-02-30', '2024-12-31')))).toEqual([
      'exercise.dates',
      'value.date',
    ]);
    const reversed = validate(withExercise('2024-12-31', '2024-01-01'));
    expect(ofRule(reversed, 'exercise.dates')[0]!.message).toBe(
      "F-IDENTIF, case CB (Date de fin de période) : l'exercice finit le 2024-01-01, pas après son début (2024-12-31).",
    );
  });

  it('warns on an exercise of more than 24 months', () => {
    expect(exerciseLongerThan('2023-01-01', '2024-12-31', 24)).toBe(false);
    expect(exerciseLongerThan('2023-01-01', '2025-01-01', 24)).toBe(true);
    expect(exerciseLongerThan('2022-12-01', '2024-12-31', 24)).toBe(true);
    const anomalies = validate(withExercise('2022-12-01', '2024-12-31'));
    expect(rulesFired(anomalies)).toEqual(['exercise.length']);
    expect(anomalies[0]!.severity).toBe('warning');
  });

  it('refuses an exercise whose millésime the campaign does not accept (N, N-1, N-2)', () => {
    const anomalies = validate(withExercise('2025-01-01', '2025-12-31'));
    expect(ofRule(anomalies, 'exercise.campaign')[0]!.message).toBe(
      "F-IDENTIF, case CB (Date de fin de période) : un exercice clos le 2025-12-31 relève du millésime 26, que la campagne 2025 n'accepte pas (millésimes 25, 24, 23).",
    );
    expect(rulesFired(validate(withExercise('2022-01-01', '2022-06-30', '23')))).toEqual([
      'exercise.campaign',
    ]);
  });

  it('refuses forms of another millésime than the exercise’s', () => {
    const anomalies = validate(withExercise('2023-01-01', '2023-12-31', '25'));
    expect(rulesFired(anomalies)).toEqual(['exercise.millesime']);
    expect(anomalies[0]!.message).toContain(
      'un exercice clos le 2023-12-31 se déclare sur les formulaires du millésime 24, pas 25.',
    );
    expect(validate(withExercise('2023-01-01', '2023-12-31', '24'))).toEqual([]);
  });
});
