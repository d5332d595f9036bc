// Configuration of the INFENT-DF envelope. What changes with every interchange (the firm, the
// partner, the reference, the date, the test flag, the software) is an `InfentEnvelope`; the
// fixed values, most of them guesses (edi-tdfc.md §2.3–2.5, tags [C] confirmed, [P] probable,
// [G] guess) until Volume IV of the cahier des charges is read, are an `InfentProfile`.
import {
  DECIMAL_COMMA_SERVICE_CHARS,
  type ServiceChars,
  type SyntaxIdentifier,
} from '@passerelle/edifact';
import type { NadValue } from '../model';

/** Address lines of a party (the NAD components after the name). */
export type InfentAddress = Pick<
  NadValue,
  'street' | 'complement' | 'locality' | 'city' | 'postcode' | 'country'
>;

/** What varies per interchange. */
export interface InfentEnvelope {
  /** The rédacteur (accounting firm) sending the file: UNB sender and NAD+FR. */
  firm: {
    /** SIRET, 14 digits (UNB S002 `<siret>:5:I`, NAD+FR C082). */
    siret: string;
    name: string;
    address?: InfentAddress;
  };
  /** The EDI partner receiving the file: UNB recipient `<number>:146` and the partner NAD. */
  partner: {
    /** Partner EDI number, 7 digits [P]. */
    number: string;
    name?: string;
  };
  /** UNB 0020, repeated in UNZ: an..14, unique per sender (a timestamp plus a counter). */
  controlReference: string;
  /** UNB/UNG S004 and DTM+242 (in the profile's time zone). */
  preparedAt: Date;
  /** UNB 0035 = 1: the firm's "mode test" (the partner does not forward to the DGFiP). */
  test: boolean;
  /** RFF+AUM (editor), RFF+AUN (name and version) of the declarant software. */
  software: { editor: string; name: string; version: string };
  /** RFF+AUO: the software's EDIFICAS attestation de conformité number (e.g. `2025.01.0123`). */
  attestation: string;
}

/** The fixed values of the envelope and message header. */
export interface InfentProfile {
  /** UNB S001 `UNOL:3` [C observed, P mandatory]. */
  readonly syntax: SyntaxIdentifier;
  /** UNA `:+,? '`: decimal comma [C]. */
  readonly serviceChars: ServiceChars;
  /** Time zone of the S004 and DTM+242 dates (the DGFiP's wall clock). */
  readonly timeZone: string;
  /** Minimum digits of the UNT/UNE/UNZ counts (S8 zero-pads them, width unknown) [G]. */
  readonly countDigits: number;
  /** '\n' after each segment (false: back to back, the safe choice, edi-tdfc §2.1) [G]. */
  readonly lineBreaks: boolean;
  readonly unb: {
    /** S002 qualifier of the firm's SIRET, `5` [C], and routing address `I` [C observed, G meaning]. */
    readonly senderQualifier: string;
    readonly senderRouting?: string;
    /** S003 qualifier of the partner number, `146` [P]. */
    readonly recipientQualifier: string;
    /** 0032 interchange agreement id; TDFC value unknown (S8 paiement: TDT-PED-IN-DP1501/CVA19) [G]. */
    readonly agreementIdentifier?: string;
  };
  readonly ung: {
    /** 0038, `INFENT` [C]. */
    readonly identification: string;
    /** S006/S007 status words, as in S8: security state and distribution mode [G for TDFC]. */
    readonly sender: string;
    readonly recipient: string;
    /** 0051 `UN` [C]. */
    readonly controllingAgency: string;
  };
  readonly message: {
    /** UNH S009 `INFENT:D:00B:UN` [C] and 0057 association code, also UNG S008 subset [G]. */
    readonly type: readonly [string, string, string, string];
    readonly associationCode: string;
    /** BGM C002 `IDF:71:211`: liasse fiscale [C]. */
    readonly documentCode: readonly [string, string, string];
    /** DTM qualifier of the preparation date, `242` [C]. */
    readonly preparationDateQualifier: string;
    /** RFF qualifiers of software editor, name::version and attestation [C]. */
    readonly software: {
      readonly editor: string;
      readonly name: string;
      readonly attestation: string;
    };
    /** RFF qualifier of the ROF (F-IDENTIF KD), `ACD` [C pattern]. */
    readonly rofQualifier: string;
  };
  readonly parties: {
    /** C082 qualifiers after a SIREN/SIRET, `100:107` [C observed, G meaning]. */
    readonly idQualifiers: readonly string[];
    /** NAD+DT: the redevable (SIREN, name and address from F-IDENTIF AA) [C]. */
    readonly declarant: string;
    /** NAD+FR: the rédacteur, designation `CEC_EDI_TDFC` before the firm's name [P]. */
    readonly writer: string;
    readonly writerDesignation: string;
    /** Partner NAD `MS`, its number qualified `100:268` (S10) [G]. */
    readonly partner: string;
    readonly partnerIdQualifiers: readonly string[];
    /** Recipient NAD `MR` named `DGI_EDI_TDFC` [P name, G qualifier]. */
    readonly recipient: string;
    readonly recipientDesignation: string;
  };
}

/** The 2025 campaign's guesses (edi-tdfc.md §2.12). Override by spreading: `{...DEFAULT…, unb}`. */
export const DEFAULT_INFENT_PROFILE: InfentProfile = Object.freeze({
  syntax: { identifier: 'UNOL', version: '3' },
  serviceChars: DECIMAL_COMMA_SERVICE_CHARS,
  timeZone: 'Europe/Paris',
  countDigits: 1,
  lineBreaks: false,
  unb: {
    senderQualifier: '5',
    senderRouting: 'I',
    recipientQualifier: '146',
    agreementIdentifier: 'TDT-PED-IN-FD2501/IDF25',
  },
  ung: {
    identification: 'INFENT',
    sender: 'NON_SECURISE_NON_SIGNE',
    recipient: 'MULTI_DISTRIBUTION',
    controllingAgency: 'UN',
  },
  message: {
    type: ['INFENT', 'D', '00B', 'UN'],
    associationCode: 'FD2501',
    documentCode: ['IDF', '71', '211'],
    preparationDateQualifier: '242',
    software: { editor: 'AUM', name: 'AUN', attestation: 'AUO' },
    rofQualifier: 'ACD',
  },
  parties: {
    idQualifiers: ['100', '107'],
    declarant: 'DT',
    writer: 'FR',
    writerDesignation: 'CEC_EDI_TDFC',
    partner: 'MS',
    partnerIdQualifiers: ['100', '268'],
    recipient: 'MR',
    recipientDesignation: 'DGI_EDI_TDFC',
  },
} satisfies InfentProfile);
