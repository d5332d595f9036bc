import { interrupted, usageError } from '../exit-codes';
import type { InputStream, OutputStream } from '../io';

const ENTER = new Set(['\r', '\n']);
const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const CTRL_U = '\u0015';
const BACKSPACE = new Set(['\u007f', '\b']);
const ESCAPE = '\u001b';

/**
 * Asks a password on the terminal without echo: the terminal is put in raw mode, so the typed
 * characters are never displayed (not even as stars, which would tell the length), and it is
 * restored afterwards whatever happens. Backspace and Ctrl-U edit, Enter ends, Ctrl-C cancels
 * (exit 130). Without a terminal, asks for the file option instead of reading a pipe.
 */
export async function promptPassword(
  stdin: InputStream,
  prompt: OutputStream,
  label: string,
  /** Where the password can come from instead ("--password-file <fichier>"). */
  alternative: string,
): Promise<string> {
  if (!stdin.isTTY || !stdin.setRawMode)
    throw usageError(
      `${label} : aucun terminal pour le saisir sans l’afficher. Utilisez ${alternative}.`,
    );
  // Echo off before the prompt shows: whatever is typed once it is visible is never displayed.
  stdin.setRawMode(true);
  prompt.write(`${label} : `);
  // Decoded as UTF-8 across chunks: an accented character is one character, never two halves.
  stdin.setEncoding('utf8');
  stdin.resume();
  try {
    return await new Promise<string>((resolve, reject) => {
      const chars: string[] = [];
      let escaping = false;
      const onData = (chunk: string) => {
        for (const char of chunk) {
          if (escaping) {
            // An escape sequence (arrow keys…) ends with a letter or "~"; none of it is typed.
            if (/[A-Za-z~]/.test(char)) escaping = false;
            continue;
          }
          if (ENTER.has(char)) return finish(() => resolve(chars.join('')));
          if (char === CTRL_C) return finish(() => reject(interrupted('Saisie annulée.')));
          if (char === CTRL_D && chars.length === 0)
            return finish(() => reject(interrupted('Saisie annulée.')));
          if (char === ESCAPE) escaping = true;
          else if (BACKSPACE.has(char)) chars.pop();
          else if (char === CTRL_U) chars.length = 0;
          else if (char >= ' ') chars.push(char);
        }
      };
      const onEnd = () => finish(() => reject(interrupted('Saisie annulée.')));
      const finish = (settle: () => void) => {
        stdin.off('data', onData);
        stdin.off('end', onEnd);
        prompt.write('\n');
        settle();
      };
      stdin.on('data', onData);
      stdin.on('end', onEnd);
    });
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
  }
}
