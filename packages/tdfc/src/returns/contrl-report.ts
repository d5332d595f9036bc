// From the faults of check 3 to the CONTRL report: a fault on UNA/UNB/UNZ (or of the whole
// interchange) goes in UCI, on UNG/UNE (or between messages) in its UCF, on UNH/UNT in its UCM, on a data segment in
// a UCS (position from UNH = 1) with a UCD for the element. Every level holding a fault, and
// every level above it, has action 4 (rejected): the DGFiP rejects the interchange as a whole.
import type {
  ContrlGroupReport,
  ContrlLevelError,
  ContrlMessageReport,
  ContrlReport,
} from './contrl';
import type { SubjectFacts, SyntaxFault } from './syntax-check';

function levelError(fault: SyntaxFault): ContrlLevelError {
  const error: ContrlLevelError = { code: fault.code };
  if (fault.tag !== undefined) error.tag = fault.tag;
  if (fault.element !== undefined) error.element = fault.element;
  if (fault.component !== undefined) error.component = fault.component;
  return error;
}

/** The CONTRL report of the faults of a subject interchange (its UNB may be unreadable). */
export function contrlReportOf(
  subject: SubjectFacts | null,
  faults: readonly SyntaxFault[],
): ContrlReport {
  const report: ContrlReport = {
    interchange: {
      controlReference: subject?.controlReference ?? '',
      sender: subject?.sender ?? [],
      recipient: subject?.recipient ?? [],
    },
    action: '4',
    groups: [],
    messages: [],
  };
  const groups = new Map<string, ContrlGroupReport>();
  const messages = new Map<string, ContrlMessageReport>();
  const groupOf = (group: NonNullable<SyntaxFault['group']>): ContrlGroupReport => {
    let found = groups.get(group.reference);
    if (!found) {
      found = { ...group, action: '4', messages: [] };
      groups.set(group.reference, found);
      report.groups.push(found);
    }
    return found;
  };
  for (const fault of faults) {
    const { unh, group } = fault;
    if (unh) {
      const key = `${group?.reference ?? ''}/${unh.index}`;
      let message = messages.get(key);
      if (!message) {
        message = { reference: unh.reference, type: unh.type, action: '4', segments: [] };
        messages.set(key, message);
        (group ? groupOf(group).messages : report.messages).push(message);
      }
      const position = (fault.segment ?? unh.index) - unh.index + 1;
      if ((fault.tag === 'UNH' || fault.tag === 'UNT') && !message.error) {
        message.error = levelError(fault);
      } else if (fault.element === undefined) {
        message.segments.push({ position, code: fault.code, elements: [] });
      } else {
        const element = { code: fault.code, element: fault.element };
        message.segments.push({
          position,
          elements: [
            fault.component === undefined ? element : { ...element, component: fault.component },
          ],
        });
      }
    } else if (group && !groupOf(group).error) {
      groupOf(group).error = levelError(fault);
    } else if (!report.error) {
      report.error = levelError(fault);
    }
  }
  return report;
}
