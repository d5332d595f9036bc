// The local inbox (apps/mail-inbox) read through its JSON API: its testing entry's reader.
export {
  inboxMessages,
  waitForMail,
  type InboxMail,
  type MailQuery,
} from '@passerelle/mail-inbox/testing';

/** The confidential EDI-TDFC code ("XXXX-XXXX-XXXX-XXXX-XXXX") in a mail's text, if any. */
export function confidentialCodeIn(text: string): string | undefined {
  return /[0-9A-Z]{4}(?:-[0-9A-Z]{4}){4}/.exec(text)?.[0];
}
