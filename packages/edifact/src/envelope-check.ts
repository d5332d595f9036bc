import { EdifactError } from './edifact-error';
import { at, checkCount, checkReference, simple, unexpected } from './envelope-elements';
import type { InterchangeStart, StreamEvent } from './interchange';
import { getComponent, type PositionedSegment } from './segment';

const SERVICE_TAGS = new Set(['UNA', 'UNB', 'UNG', 'UNE', 'UNH', 'UNT', 'UNZ']);
const MIXING = 'les groupes et les messages hors groupe ne peuvent pas être mélangés';

interface OpenGroup {
  readonly header: PositionedSegment;
  readonly reference: string;
  messageCount: number;
}

interface OpenMessage {
  readonly header: PositionedSegment;
  readonly reference: string;
  readonly type: string;
  readonly segments: PositionedSegment[];
}

/**
 * The UNB…UNZ state machine, fed one segment at a time (after UNB), shared by readInterchange
 * and the streaming reader so both refuse the same file with the same first error. It holds
 * only the open message, never earlier ones.
 */
export class EnvelopeChecker {
  private readonly controlReference: string;
  private mode: 'none' | 'groups' | 'messages' = 'none';
  private group: OpenGroup | null = null;
  private message: OpenMessage | null = null;
  private groupCount = 0;
  private messageCount = 0;
  /** UNZ once checked. */
  trailer: PositionedSegment | null = null;

  constructor(start: InterchangeStart) {
    this.controlReference = simple(
      start.header,
      5,
      'référence de contrôle de l’interchange (0020)',
    );
  }

  /** Checks one segment; returns what it completes, if anything. */
  accept(segment: PositionedSegment): StreamEvent | null {
    const { tag } = segment;
    const open = this.message;
    if (open) {
      if (tag === 'UNT') return this.closeMessage(open, segment);
      if (SERVICE_TAGS.has(tag)) {
        throw unexpected(
          segment,
          `le message ouvert au segment ${open.header.index} n’est pas fermé par UNT`,
        );
      }
      open.segments.push(segment);
      return null;
    }
    switch (tag) {
      case 'UNH':
        return this.openMessage(segment);
      case 'UNT':
        throw unexpected(segment, 'aucun message n’est ouvert');
      case 'UNG':
        if (this.group)
          throw unexpected(
            segment,
            `le groupe ouvert au segment ${this.group.header.index} n’est pas fermé par UNE`,
          );
        if (this.mode === 'messages')
          throw unexpected(
            segment,
            `l’interchange contient déjà des messages hors groupe : ${MIXING}`,
          );
        this.mode = 'groups';
        this.group = {
          header: segment,
          reference: simple(segment, 5, 'référence du groupe (0048)'),
          messageCount: 0,
        };
        return { type: 'group-start', header: segment };
      case 'UNE':
        return this.closeGroup(segment);
      case 'UNZ':
        return this.closeInterchange(segment);
      case 'UNB':
        throw unexpected(segment, 'un seul UNB est permis, au début du fichier');
      default:
        throw unexpected(segment, 'les segments de données doivent se trouver entre UNH et UNT');
    }
  }

  /** At the end of the input: refuses an interchange whose UNZ never came. */
  finish(nextSegment: number, offset: number): StreamEvent {
    if (this.trailer) return { type: 'interchange-end', trailer: this.trailer };
    const where = this.message
      ? ` : le message ouvert au segment ${this.message.header.index} n’est pas fermé par UNT`
      : this.group
        ? ` : le groupe ouvert au segment ${this.group.header.index} n’est pas fermé par UNE`
        : '';
    throw new EdifactError(
      'INTERCHANGE_INCOMPLETE',
      `le fichier se termine sans segment UNZ${where}`,
      {
        segment: nextSegment,
        offset,
      },
    );
  }

  private openMessage(segment: PositionedSegment): StreamEvent | null {
    if (!this.group && this.mode === 'groups') {
      throw unexpected(segment, `l’interchange utilise des groupes (UNG) : ${MIXING}`);
    }
    if (!this.group) this.mode = 'messages';
    const reference = simple(segment, 1, 'référence du message (0062)');
    const type = getComponent(segment, 2, 1);
    if (type === '') {
      throw new EdifactError(
        'ELEMENT_INVALID',
        'élément obligatoire absent : type de message (S009)',
        {
          ...at(segment),
          element: 2,
          component: 1,
        },
      );
    }
    this.message = { header: segment, reference, type, segments: [] };
    return null;
  }

  private closeMessage(open: OpenMessage, trailer: PositionedSegment): StreamEvent {
    checkCount(trailer, 'segments', open.segments.length + 2);
    checkReference(trailer, 2, 'du message', open.reference, 'l’UNH');
    this.message = null;
    this.messageCount += 1;
    if (this.group) this.group.messageCount += 1;
    const message = {
      reference: open.reference,
      type: open.type,
      header: open.header,
      segments: open.segments,
      trailer,
    };
    return { type: 'message', message, group: this.group?.header ?? null };
  }

  private closeGroup(trailer: PositionedSegment): StreamEvent {
    const group = this.group;
    if (!group) throw unexpected(trailer, 'aucun groupe n’est ouvert');
    checkCount(trailer, 'messages', group.messageCount);
    checkReference(trailer, 2, 'du groupe', group.reference, 'l’UNG');
    this.group = null;
    this.groupCount += 1;
    return { type: 'group-end', header: group.header, trailer, messageCount: group.messageCount };
  }

  private closeInterchange(trailer: PositionedSegment): null {
    if (this.group) {
      throw unexpected(
        trailer,
        `le groupe ouvert au segment ${this.group.header.index} n’est pas fermé par UNE`,
      );
    }
    if (this.mode === 'groups') checkCount(trailer, 'groupes', this.groupCount);
    else checkCount(trailer, 'messages', this.messageCount);
    checkReference(trailer, 2, 'de contrôle', this.controlReference, 'l’UNB');
    this.trailer = trailer;
    return null;
  }
}
