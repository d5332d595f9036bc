// Issue #14 item 6: the French text people read (web UI, portal pages, emails, inbox, API and
// CLI messages) follows the help page's typography: ’ (U+2019) for the apostrophe, and a
// non-breaking space U+00A0 before : ; ? ! » and after « (the seed writes U+00A0; one
// convention everywhere, the narrow U+202F is not used). Only string literals, template text
// and JSX text are read, through the TypeScript parser: code, comments, regular expressions
// and types never trip it.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './process.mjs';

/** Where user-visible French strings live. */
const SCANNED = [
  'apps/declarant-web/src',
  'apps/declarant-server/src',
  'apps/partner-server/src',
  'apps/mail-inbox/src',
  'packages/contracts/src',
  'packages/cli/src',
  'packages/mail/src',
  'packages/server-kit/src',
  // What `npm start`, `npm test` and the other scripts print in the terminal.
  'scripts',
];
/** Tests, test support and the English OpenAPI document are not shown to French users. */
const SKIPPED = /(\.test\.tsx?$|\/test\/|\/testing\/|test-support|test-client|\/openapi\/)/;

const RULES: { name: string; pattern: RegExp }[] = [
  { name: 'apostrophe droite (’ attendu)', pattern: /\p{L}(?:\\?'|&apos;)\p{L}/u },
  {
    name: 'espace ordinaire avant : ; ? ! » (espace insécable U+00A0 attendue)',
    pattern: /\S [:;?!»](?=$|[\s"'`<),.\]\\{}$]|&nbsp;)/u,
  },
  { name: 'espace ordinaire après « (U+00A0 attendue)', pattern: /« /u },
  {
    name: 'point d’interrogation ou d’exclamation collé au mot',
    pattern: /(?<=\s\S*)\p{Ll}[?!](?=$|\s)/u,
  },
  { name: 'guillemet collé au mot', pattern: /«\p{L}|\p{L}»/u },
];

/** The typography problems of one piece of user-visible text (rule names). */
export function typographyProblems(text: string): string[] {
  return RULES.filter((rule) => rule.pattern.test(text)).map((rule) => rule.name);
}

/** Every string literal, template part and JSX text of a source file, with its line. */
function userTexts(file: string, text: string): { line: number; text: string }[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const found: { line: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    // Module names and literal types are code.
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isLiteralTypeNode(node))
      return;
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node)
    ) {
      const start = node.getStart(source);
      // The raw text (escapes as written), less the delimiters.
      const raw = text.slice(start, node.end);
      const inner = ts.isJsxText(node)
        ? raw
        : raw.replace(/^['"`]/, '').replace(/(['"`]|\$\{)$/, '');
      found.push({ line: source.getLineAndCharacterOfPosition(start).line + 1, text: inner });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(tsx?|mjs)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !SKIPPED.test(file));
}

/** Labels of the help page (creer-une-signature), byte for byte: ’ is U+2019 there. */
const SEED_LABELS = [
  'Non connecté',
  'Ajouter les identifiants de connexion à l’espace client',
  'Se connecter',
  'Accéder à l’espace client',
  'Créer un compte client',
  'Ajouter une signature',
  'Mot de passe',
  'Confirmation du mot de passe',
  'Enregistrer',
];

/** The user-visible texts of every scanned source file, by file. */
function scannedTexts(): { file: string; line: number; text: string }[] {
  return SCANNED.flatMap((dir) =>
    sourceFiles(join(repoRoot, dir)).flatMap((file) =>
      userTexts(file, readFileSync(file, 'utf8')).map((found) => ({
        file: relative(repoRoot, file),
        ...found,
      })),
    ),
  );
}

describe('French typography of user-visible text', () => {
  it('flags straight apostrophes and missing non-breaking spaces', () => {
    expect(typographyProblems("Connexion à l'espace client")).toHaveLength(1);
    expect(typographyProblems('Pas encore de compte ?')).toHaveLength(1);
    expect(typographyProblems('Remarque : la connexion')).toHaveLength(1);
    expect(typographyProblems('Cliquer sur « Se connecter\u00a0»')).toHaveLength(1);
    expect(typographyProblems('Mot de passe oublié?')).toHaveLength(1);
    expect(typographyProblems('Cliquer sur «Enregistrer»')).toHaveLength(1);
  });

  it('accepts the seed’s typography, code, URLs, CSS and times', () => {
    for (const ok of [
      'Connexion à l’espace client',
      'Cliquer sur «\u00a0Se connecter\u00a0»',
      'Remarque\u00a0: la connexion\u00a0; Pas encore de compte\u00a0?',
      'http://localhost:3000/portail?jeton=abc',
      'a:hover { color: #1a1a1a; }',
      'Envoyé à 10:30',
      'x ?? y',
      '/api/v1/deposits?',
    ])
      expect(typographyProblems(ok), ok).toEqual([]);
  });

  it('finds no problem in the web UI, portal, inbox, emails, contracts, servers and CLI', () => {
    const problems = scannedTexts().flatMap(({ file, line, text }) =>
      typographyProblems(text).map((name) => `${file}:${line} ${name} — ${text.trim()}`),
    );
    expect(problems).toEqual([]);
  });

  it('keeps the help page’s labels exactly as it writes them, in the web UI and the portal', () => {
    const texts = scannedTexts().filter(({ file }) =>
      /^apps\/(declarant-web|partner-server\/src\/portal)\//.test(file),
    );
    const missing = SEED_LABELS.filter(
      (label) =>
        !texts.some(({ text }) =>
          text
            .split(/\s*\n\s*/)
            .join(' ')
            .includes(label),
        ),
    );
    expect(missing).toEqual([]);
  });
});
