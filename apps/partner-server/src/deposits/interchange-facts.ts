import { getComponent, streamInterchange } from '@passerelle/edifact';

/** What the deposit view shows of an interchange, read at intake without checking it. */
export interface InterchangeFacts {
  /** UNB 0020. */
  reference: string | null;
  /** The SIREN of the first message's NAD+DT (the redevable). */
  siren: string | null;
  /** UNB 0035 = 1. */
  test: boolean;
}

const UNKNOWN: InterchangeFacts = { reference: null, siren: null, test: false };
const CHUNK = 64 * 1024;

function* chunksOf(bytes: Uint8Array): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += CHUNK) yield bytes.subarray(at, at + CHUNK);
}

/**
 * Reads the UNB reference and test indicator and the first declaration's SIREN, stopping after
 * the first message (a 20 MiB interchange costs its first few kilobytes). Never throws: the
 * syntax is the simulated DGFiP's check 3, after the receipt, so anything unreadable is null.
 */
export async function readInterchangeFacts(content: Uint8Array): Promise<InterchangeFacts> {
  const facts: InterchangeFacts = { ...UNKNOWN };
  const events = streamInterchange(chunksOf(content));
  try {
    for await (const event of events) {
      if (event.type === 'interchange-start') {
        facts.reference = getComponent(event.header, 5) || null;
        facts.test = getComponent(event.header, 11) === '1';
      }
      if (event.type === 'message') {
        const nad = event.message.segments.find(
          (s) => s.tag === 'NAD' && getComponent(s, 1) === 'DT',
        );
        const siren = nad ? getComponent(nad, 2) : '';
        facts.siren = /^\d{9}$/.test(siren) ? siren : null;
        break;
      }
    }
  } catch {
    // A syntax error after the UNB keeps what was read before it.
  } finally {
    await events.return(undefined).catch(() => undefined);
  }
  return facts;
}
