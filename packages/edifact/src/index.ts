// Public API of @passerelle/edifact: UN/EDIFACT syntax (ISO 9735), independent of any message.
export { EdifactError, type EdifactErrorCode, type EdifactPosition } from './edifact-error';
export {
  DEFAULT_SERVICE_CHARS,
  DEFAULT_SERVICE_CHARS_V4,
  DECIMAL_COMMA_SERVICE_CHARS,
  checkServiceChars,
  defaultServiceChars,
  formatUna,
  parseUna,
  type ServiceChars,
} from './service-chars';
export { CHARSETS, CHARSET_LABELS, decodeText, encodeText, type Charset } from './charsets';
export {
  componentsOf,
  getComponent,
  isRepetitions,
  type Composite,
  type Element,
  type ElementValue,
  type PositionedSegment,
  type Repetitions,
  type Segment,
} from './segment';
export { formatSegment } from './segment-format';
export { parseSegments } from './segment-parse';
export { formatDecimal, parseDecimal } from './decimal';
export { formatDateTime } from './date-time';
export {
  DEFAULT_MAX_INTERCHANGE_SIZE,
  DEFAULT_MAX_SEGMENT_LENGTH,
  type Group,
  type Interchange,
  type InterchangeStart,
  type Message,
  type ReadOptions,
  type StreamEvent,
  type SyntaxIdentifier,
} from './interchange';
export { readInterchange } from './interchange-read';
export { streamInterchange } from './stream';
export {
  writeInterchange,
  type GroupInput,
  type MessageInput,
  type UnbInput,
  type UngInput,
  type WriteInterchangeInput,
} from './interchange-write';
