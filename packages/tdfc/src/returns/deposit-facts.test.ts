import { describe, expect, it } from 'vitest';
import { simplified } from '../testing/declarations';
import { readDepositFacts } from './deposit-facts';
import { bytesOf, depositOf, edited } from '../testing/returns';

describe('readDepositFacts', () => {
  it('reads the UNB reference, the test indicator and the SIREN', () => {
    expect(readDepositFacts(depositOf(simplified()))).toEqual({
      interchangeReference: '25031409300001',
      siren: '843217654',
      testIndicator: true,
    });
  });

  it('reads what it can of a broken file, and nothing of junk', () => {
    const broken = edited(depositOf(simplified()), (t) =>
      t.replace('UNT+330', 'UNT+1').slice(0, 2000),
    );
    expect(readDepositFacts(broken)).toEqual({
      interchangeReference: '25031409300001',
      siren: '843217654',
      testIndicator: true,
    });
    expect(readDepositFacts(bytesOf('%PDF-1.7'))).toEqual({
      interchangeReference: null,
      siren: null,
      testIndicator: false,
    });
  });
});
