import type { ReceivedMail } from './received-mail';

/** Received messages kept in memory, newest last, with waiters for the ones still to come. */
export interface MailStore {
  add(mail: ReceivedMail): void;
  /** Every message kept, newest first. */
  messages(): ReceivedMail[];
  find(id: string): ReceivedMail | undefined;
  clear(): void;
  /** Resolves with the first message (already received or arriving) that matches. */
  waitForMail(
    predicate: (mail: ReceivedMail) => boolean,
    options?: { timeoutMs?: number },
  ): Promise<ReceivedMail>;
}

/** A store that keeps the newest `maxMessages` messages and drops the oldest beyond. */
export function createMailStore(maxMessages: number): MailStore {
  if (!Number.isInteger(maxMessages) || maxMessages < 1)
    throw new RangeError('maxMessages doit être un entier positif.');
  const kept: ReceivedMail[] = [];
  const waiters = new Set<(mail: ReceivedMail) => void>();
  return {
    add(mail) {
      kept.push(mail);
      if (kept.length > maxMessages) kept.splice(0, kept.length - maxMessages);
      for (const waiter of waiters) waiter(mail);
    },
    messages: () => kept.toReversed(),
    find: (id) => kept.find((mail) => mail.id === id),
    clear: () => void kept.splice(0),
    waitForMail(predicate, { timeoutMs = 10_000 } = {}) {
      const already = kept.find(predicate);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const waiter = (mail: ReceivedMail) => {
          if (!predicate(mail)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(mail);
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(
            new Error(
              `Aucun email attendu reçu en ${timeoutMs} ms (${kept.length} en boîte : ${kept
                .map((mail) => `« ${mail.subject} » → ${mail.to.join(', ')}`)
                .join(' ; ')}).`,
            ),
          );
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
  };
}
