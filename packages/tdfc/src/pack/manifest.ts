// The manifest of a campaign pack (`manifest.json`): which campaign and edition, which millésimes
// the pack serves, where its tables come from, and the SHA-256 of every other file of the pack.
import { z } from 'zod';

/** Name of the manifest inside a pack (at its root). */
export const MANIFEST_FILE = 'manifest.json';

const fileName = z
  .string()
  .regex(
    /^(?:[A-Za-z0-9._-]+\/)*[A-Za-z0-9._-]+$/,
    'nom de fichier relatif attendu (lettres, chiffres, « . », « _ », « - », « / »)',
  )
  .refine((name) => !name.split('/').some((part) => part === '..' || part === '.'), {
    message: 'nom de fichier sans « . » ni « .. »',
  });

export const packManifestSchema = z
  .object({
    /** Version of this manifest format. */
    format: z.literal(1),
    /** The DGFiP campaign (year of the filings): `2025` for exercises closed in 2024. */
    campaign: z.string().regex(/^20\d{2}$/, 'année sur 4 chiffres attendue (2026)'),
    /** 1, 2…: a corrected edition of a campaign replaces an earlier one. */
    edition: z.number().int().min(1).max(99),
    /**
     * True when this edition corrects an earlier edition of the same campaign: it then serves
     * that campaign's millésimes in place of it. Without it, a millésime already served by an
     * installed pack is refused.
     */
    correction: z.boolean().optional(),
    /**
     * The millésimes this pack serves (`["26"]`): a subset of those in its tables (a campaign's
     * tables repeat the two previous millésimes, which stay served by their own campaign).
     */
    millesimes: z
      .array(z.string().regex(/^\d{2}$/, 'millésime sur 2 chiffres attendu'))
      .min(1)
      .max(10)
      .refine((list) => new Set(list).size === list.length, { message: 'millésime en double' }),
    /** Where the tables come from (publication, URL, copy), shown to administrators. */
    source: z.string().trim().min(1).max(500),
    /** Publication date of the tables, when known (AAAA-MM-JJ). */
    publishedAt: z.iso.date('date AAAA-MM-JJ attendue').optional(),
    /**
     * Value tables the data table refers to but the DGFiP does not publish (2025: `T1N`, `TFJ`):
     * any other missing table refuses the pack.
     */
    unpublishedTables: z
      .array(z.string().regex(/^[A-Z0-9]{3}$/))
      .max(50)
      .optional(),
    /** SHA-256 (64 hex digits) of every file of the pack but the manifest, by relative name. */
    files: z.record(fileName, z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 en hexadécimal attendu')),
  })
  .strict();

export type PackManifest = z.infer<typeof packManifestSchema>;

/** The forms and data tables of a campaign: `tdfc26f.edi` and `tdfc26d.edi` for 2026. */
export const tableFileNames = (campaign: string) => {
  const year = campaign.slice(2);
  return { forms: `tdfc${year}f.edi`, data: `tdfc${year}d.edi`, values: 'tables.json' };
};

/** The campaign a millésime's exercises are filed in: millésime 26 = exercises closed in 2025. */
export const closingYearOf = (millesime: string): number => 2000 + Number(millesime) - 1;
