// Public API of @passerelle/tdfc: the EDI-TDFC campaign dictionary, the declaration model, its
// JSON import, its validator, and the INFENT-DF interchange writer and reader.

export {
  CAMPAIGNS,
  DATE_FORMATS,
  SEGMENTS,
  type Campaign,
  type CellDefinition,
  type DateFormat,
  type FormDefinition,
  type RegimeColumn,
  type Segment,
  type Taxation,
  type TdfcDictionary,
  type ValueTable,
} from './dictionary/types';
export { loadDictionary } from './dictionary/load-dictionary';
export { buildDictionary, type DictionarySources } from './dictionary/build-dictionary';
export { DictionaryFormatError } from './dictionary/dictionary-format-error';
export { formDisplayName } from './dictionary/form-name';
export { KNOWN_NEANT_BOXES } from './dictionary/neant';
export { columnFromTableCode, regimeColumn } from './dictionary/regime';

export {
  IDENTIFICATION_FORM,
  TEXT_LIMITS,
  entryValues,
  isNadValue,
  type CellEntry,
  type CellValue,
  type Declaration,
  type Exercise,
  type FormOccurrence,
  type NadValue,
} from './model';
export {
  IDENTIF,
  identificationCells,
  identificationColumn,
  identificationForm,
  newDeclaration,
  readIdentification,
  rofPrefix,
  type Identification,
  type IdentificationFacts,
  type NewDeclarationParams,
} from './identification';
export {
  MAX_EXERCISE_MONTHS,
  exerciseLongerThan,
  isIsoDate,
  millesimeOfExercise,
} from './exercise';
export { cellsOf, type DeclaredValue } from './cells';
export { firstUnsendableCharacter, formatNumber, isLatin9Printable } from './text';

export {
  importDeclaration,
  importDeclarationJson,
  type ImportError,
  type ImportResult,
} from './json-import';

export { validateDeclaration, isSendable } from './validate/validate-declaration';
export { type Anomaly, type Severity } from './validate/anomaly';
export { SIMPLIFIED_LIASSE } from './validate/neant-rules';
export {
  COHERENCE_RULES,
  rulesPerForm,
  type CoherenceRule,
  type Term as CoherenceTerm,
} from './validate/rules';
export { LIASSE_DOCUMENT } from './validate/regime-rules';

export {
  DEFAULT_INFENT_PROFILE,
  type InfentAddress,
  type InfentEnvelope,
  type InfentProfile,
} from './infent/envelope-config';
export {
  DEFAULT_DATUM_RENDERER,
  createDatumRenderer,
  formatDatumKey,
  parseDatumKey,
  type DatumKey,
  type DatumRenderer,
  type ParseContext,
  type ParsedDatum,
  type RenderContext,
} from './infent/datum-rendering';
export { DatumError, InfentError, type InfentPosition } from './infent/infent-error';
export type { InfentMessageFacts } from './infent/message-header';
export { writeInfentInterchange, type WriteInfentOptions } from './infent/write-infent';
export {
  readInfentInterchange,
  streamInfentDeclarations,
  type InfentInterchangeFacts,
  type InfentReadResult,
  type ReadInfentOptions,
} from './infent/read-infent';

export {
  campaignAt,
  processDeposit,
  type DepositExpectation,
  type DgfipOutcome,
} from './returns/process-deposit';
export {
  TEXT_MAX_LENGTH,
  normalizeReturnError,
  toReturnText,
  type ReturnError,
  type ReturnSeverity,
} from './returns/return-error';
export type { ReturnsEnvelope, ReturnsEnvelopeFacts } from './returns/returns-envelope';
export {
  CONTRL_TYPE,
  writeContrl,
  type ContrlAction,
  type ContrlElementError,
  type ContrlGroupReport,
  type ContrlLevelError,
  type ContrlMessageReport,
  type ContrlReport,
  type ContrlSegmentReport,
} from './returns/contrl';
export { contrlErrors, readContrl, type ContrlRead } from './returns/contrl-read';
export { CONTRL_ERROR_LABELS } from './returns/contrl-codes';
export {
  CR_OUTCOMES,
  INFENT_CR_PROFILE,
  normalizeCrReport,
  overallStatus,
  writeInfentCr,
  type CrOutcome,
  type CrStatus,
  type InfentCrReport,
} from './returns/infent-cr';
export { readInfentCr, type InfentCrMessage, type InfentCrRead } from './returns/infent-cr-read';
export { MILLESIME_CONTROL } from './returns/integrability-check';
export { readDepositFacts, type DepositFacts } from './returns/deposit-facts';

export {
  LIASSE_CASES,
  NORMAL_ANNEXES,
  SIMPLIFIED_ANNEXES,
  liasseCaseOf,
  type LiasseCase,
} from './liasse/regimes';
export {
  addableForms,
  liasseForms,
  type AddableForm,
  type LiasseFacts,
} from './liasse/liasse-forms';
export {
  MANIFEST_FILE,
  closingYearOf,
  packManifestSchema,
  tableFileNames,
  type PackManifest,
} from './pack/manifest';
export { PackError } from './pack/pack-error';
export {
  MAX_PACK_BYTES,
  MAX_PACK_FILES,
  readPackArchive,
  readPackFolder,
  type PackFiles,
} from './pack/pack-files';
export { checkPack, readManifest, sha256Hex, type CheckedPack } from './pack/check-pack';
export { builtInPack, builtInPacks, builtInPackFolder } from './pack/built-in-packs';
export { OTHER_CELLS_TITLE, formLayout, rowLabel } from './layout/resolve-layout';
export { PAPER_FORMS } from './layout/forms';
export { computeLineTotal, lineTotals } from './layout/line-totals';
export type {
  FormLayout,
  LayoutRow,
  LayoutSection,
  LineTotal,
  PaperFormSpec,
  PaperRowSpec,
  PaperSectionSpec,
} from './layout/types';
