// Shared by the returns tests: a deposit written from the fixtures, the expectation the partner
// passes, and byte-level edits of an interchange.
import { Buffer } from 'node:buffer';
import { encodeText, readInterchange } from '@passerelle/edifact';
import { dictionary } from './declarations';
import { SAMPLE_ENVELOPE } from './infent';
import { writeInfentInterchange } from '../infent/write-infent';
import type { Declaration } from '../model';
import type { DepositExpectation } from '../returns/process-deposit';

/** What the partner of SAMPLE_ENVELOPE (1234567, test mode) expects, on 2 May 2025. */
export const EXPECT: DepositExpectation = {
  recipient: '1234567',
  testIndicator: true,
  now: new Date('2025-05-02T10:00:00Z'),
  returnsSender: 'DGI_EDI_TDFC',
};

/** The INFENT-DF interchange of the declarations (SAMPLE_ENVELOPE: test, partner 1234567). */
export const depositOf = (...declarations: Declaration[]): Uint8Array =>
  writeInfentInterchange(dictionary, declarations, SAMPLE_ENVELOPE);

/** The bytes as Latin-1 text (one character per byte), and back. */
export const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');
export const bytesOf = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));

/** The interchange with `edit` applied to its text. */
export const edited = (bytes: Uint8Array, edit: (text: string) => string): Uint8Array =>
  bytesOf(edit(latin1(bytes)));

/** A return's text as its bytes (ISO-8859-15: € and œ are one byte each). */
export const returnBytes = (text: string): Uint8Array => encodeText(text, 'UNOL');

/** Parses a return with @passerelle/edifact (UNOL text → bytes → checked interchange). */
export const parseReturn = (text: string) => readInterchange(returnBytes(text));
