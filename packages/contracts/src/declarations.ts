import { z } from 'zod';
import { pageOf, pageQuery } from './pages';
import { transmissionStatuses, transmissionStatusLabels } from './sending';

// Declarations of a dossier's exercise (issue #6): "brouillon" until no blocking anomaly is
// left, then "prête" (ready to be signed and sent). Once sent (issue #7) a declaration shows the
// status of its latest transmission.

export const declarationStatuses = ['draft', 'ready', ...transmissionStatuses] as const;
export type DeclarationStatus = (typeof declarationStatuses)[number];
export const declarationStatusLabels: Record<DeclarationStatus, string> = {
  draft: 'Brouillon',
  ready: 'Prête',
  ...transmissionStatusLabels,
};

/**
 * Statuses in which a declaration can be edited: before sending, and after a refusal that
 * leaves nothing at the DGFiP (the change makes it "brouillon"/"prête" again, to be resent).
 */
export const editableDeclarationStatuses: readonly DeclarationStatus[] = [
  'draft',
  'ready',
  'rejected',
  'syntax_rejected',
  'partner_refused',
];

export const declarationSources = ['editor', 'json', 'infent'] as const;
export type DeclarationSource = (typeof declarationSources)[number];

/** One finding of the validator, in French, naming the form, the cell and its label. */
export const anomalySchema = z.object({
  severity: z.enum(['error', 'warning']),
  rule: z.string(),
  form: z.string().nullable(),
  code: z.string().nullable(),
  formOccurrence: z.number().nullable(),
  /** 0-based row of a repeatable cell. */
  valueIndex: z.number().nullable(),
  label: z.string().nullable(),
  message: z.string(),
  /** The value a coherence total should hold: the editor offers « Reporter » it into the cell. */
  expected: z.number().nullable(),
});
export type DeclarationAnomaly = z.infer<typeof anomalySchema>;

export const declarationSummarySchema = z.object({
  id: z.string(),
  dossierId: z.string(),
  dossierName: z.string(),
  siren: z.string(),
  exercise: z.object({ id: z.string(), start: z.string(), end: z.string() }),
  millesime: z.string(),
  status: z.enum(declarationStatuses),
  source: z.enum(declarationSources),
  errorCount: z.number(),
  warningCount: z.number(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DeclarationSummary = z.infer<typeof declarationSummarySchema>;

/**
 * `GET /api/declarations` (every dossier) and `GET /api/dossiers/:id/declarations`: newest
 * first. `status` keeps the declarations showing that status; `sendingId` those one
 * "Envoyer" batch sent.
 */
export const listDeclarationsQuery = pageQuery.extend({
  status: z.enum(declarationStatuses, { error: 'Statut de déclaration inconnu.' }).optional(),
  sendingId: z.uuid({ error: 'Envoi inconnu.' }).optional(),
});
export type ListDeclarationsQuery = z.input<typeof listDeclarationsQuery>;
export const declarationPageSchema = pageOf(declarationSummarySchema);
export type DeclarationPage = z.infer<typeof declarationPageSchema>;

/** Most declarations one import creates (JSON or INFENT): beyond, split the file. */
export const MAX_IMPORT_DECLARATIONS = 1000;
/** Largest body of `POST /api/declarations/import-json`. */
export const MAX_JSON_IMPORT_BYTES = 10 * 1024 * 1024;
/** Largest INFENT file `POST /api/declarations/import` reads (a firm's campaign fits in a few MB). */
export const MAX_INFENT_IMPORT_BYTES = 50 * 1024 * 1024;

/** `201` answer of both imports: every declaration created (at most MAX_IMPORT_DECLARATIONS). */
export const importedDeclarationsSchema = z.object({
  declarations: z.array(declarationSummarySchema),
});

/** A cell value as stored: amounts in whole euros, codes, ISO dates, text, or a party. */
export const cellValueSchema = z.union([z.number(), z.string(), z.record(z.string(), z.string())]);
export type CellValue = z.infer<typeof cellValueSchema>;

/** The declaration's forms: form id → occurrences → cell code → value (or rows, `null` = empty row). */
export const declarationFormsSchema = z.record(
  z.string(),
  z.array(
    z.record(z.string(), z.union([cellValueSchema, z.array(z.union([cellValueSchema, z.null()]))])),
  ),
);

export const declarationDetailSchema = declarationSummarySchema.extend({
  forms: declarationFormsSchema,
  anomalies: z.array(anomalySchema),
  /**
   * The campaign pack (campaign, edition) the declaration was last validated with; null when
   * no installed pack serves its millésime.
   */
  pack: z.object({ campaign: z.string(), edition: z.number().int() }).nullable(),
});
export type DeclarationDetail = z.infer<typeof declarationDetailSchema>;

/** `POST /api/dossiers/:id/declarations`: a new liasse for one of the dossier's exercises. */
export const createDeclarationRequest = z.object({
  exerciseId: z.string({ error: 'Choisissez un exercice.' }).min(1, 'Choisissez un exercice.'),
});
export type CreateDeclarationRequest = z.input<typeof createDeclarationRequest>;

/**
 * `PATCH /api/declarations/:id/cells`: the editor's changes; `null` empties a cell. `version` is
 * the one the editor shows: a change based on an older version is refused (someone else edited).
 */
export const updateCellsRequest = z.object({
  version: z.number({ error: 'Version manquante.' }).int(),
  changes: z
    .array(
      z.object({
        form: z.string().min(1).max(10),
        occurrence: z.number().int().min(0).max(999).default(0),
        code: z.string().regex(/^[A-Z0-9]{2}$/, { error: 'Code de case invalide.' }),
        value: z.union([cellValueSchema, z.array(z.union([cellValueSchema, z.null()])), z.null()]),
      }),
    )
    .min(1, 'Aucune modification.')
    .max(500, 'Trop de modifications à la fois (500 au plus).'),
});
export type UpdateCellsRequest = z.input<typeof updateCellsRequest>;

/** One cell of the editor, from the campaign dictionary. */
export const editorCellSchema = z.object({
  code: z.string(),
  label: z.string(),
  segment: z.string(),
  repeatable: z.boolean(),
  signed: z.boolean(),
  /** The allowed values of a coded cell (CCI), with their labels. */
  values: z.array(z.object({ value: z.string(), label: z.string() })).nullable(),
  dateFormat: z.string().nullable(),
});
/**
 * A form laid out as printed (`paper`: 2065, 2033-A…G) or as a table of its cells in the form's
 * order (`table`): sections, rows, one cell code per column (`null`: no box there), and the line
 * totals computed live (`total` = sum of `plus` − sum of `minus`).
 */
export const formLayoutSchema = z.object({
  kind: z.enum(['paper', 'table']),
  sections: z.array(
    z.object({
      title: z.string(),
      columns: z.array(z.string()),
      rows: z.array(
        z.object({ label: z.string(), cells: z.array(z.string().nullable()), total: z.boolean() }),
      ),
    }),
  ),
  totals: z.array(
    z.object({ total: z.string(), plus: z.array(z.string()), minus: z.array(z.string()) }),
  ),
});
export type EditorFormLayout = z.infer<typeof formLayoutSchema>;
/** A line total of a layout: its cell, the cells added and those subtracted. */
export type LayoutLineTotal = EditorFormLayout['totals'][number];

/**
 * The value of a line total computed from the numbers of `valueOf` (absent cells count as 0), or
 * undefined when none of its terms is a number: shown live by the editor, printed in the PDF.
 */
export function computeLineTotal(
  total: LayoutLineTotal,
  valueOf: (code: string) => unknown,
): number | undefined {
  const terms = [...total.plus, ...total.minus];
  if (!terms.some((code) => typeof valueOf(code) === 'number')) return undefined;
  const sum = (codes: readonly string[]) =>
    codes.reduce((acc, code) => {
      const value = valueOf(code);
      return acc + (typeof value === 'number' ? value : 0);
    }, 0);
  return sum(total.plus) - sum(total.minus);
}
export const editorFormSchema = z.object({
  id: z.string(),
  label: z.string(),
  cells: z.array(editorCellSchema),
  layout: formLayoutSchema,
});
/** `GET /api/declarations/:id/editor`: the forms of the declaration's liasse, for the editor. */
export const editorLayoutSchema = z.object({ forms: z.array(editorFormSchema) });
export type EditorLayout = z.infer<typeof editorLayoutSchema>;

/** `GET /api/declarations/:id/table`: the readable view (form, code, label, value). */
export const declarationTableSchema = z.object({
  rows: z.array(
    z.object({
      form: z.string(),
      formOccurrence: z.number(),
      code: z.string(),
      label: z.string(),
      value: z.string(),
    }),
  ),
});
export type DeclarationTable = z.infer<typeof declarationTableSchema>;
