import { z } from 'zod';
import { lineTextField } from './fields';
import { pageOf, pageQuery } from './pages';
import { isValidSiren, isValidSiret } from './siret';

// Dossiers (the firm's client companies) and their exercises (issue #6). The codes are those of
// the DGFiP value tables TCF (catégorie fiscale), TRF (régime) and TBS (IS/IR).

export const fiscalCategories = ['BI', 'BC', 'BA', 'RF', 'FL'] as const;
export type FiscalCategory = (typeof fiscalCategories)[number];
export const fiscalCategoryLabels: Record<FiscalCategory, string> = {
  BI: 'BIC / IS',
  BC: 'BNC',
  BA: 'BA (bénéfices agricoles)',
  RF: 'Revenus fonciers',
  FL: 'Fiscalité locale',
};

/** The DGFiP TRF table (régime); a dossier's régime decides which forms its liasse has. */
export const taxRegimes = [
  'RN',
  'RS',
  'GT',
  'GM',
  'NE',
  'SE',
  'MN',
  'MS',
  'BN',
  'BS',
  'DC',
  'TR',
  '72',
] as const;
export type TaxRegime = (typeof taxRegimes)[number];
export const taxRegimeLabels: Record<TaxRegime, string> = {
  RN: 'Réel normal',
  RS: 'Réel simplifié',
  GT: 'Groupe (société tête de groupe)',
  GM: 'Groupe (société membre)',
  NE: 'Réel normal (société étrangère)',
  SE: 'Réel simplifié (société étrangère)',
  MN: 'SCM option pour le réel',
  MS: 'SCM sans option (simplifié)',
  BN: 'BA réel normal',
  BS: 'BA réel simplifié',
  DC: 'BNC déclaration contrôlée',
  TR: 'Revenus fonciers',
  '72': 'Sociétés immobilières (2072)',
};

export const taxations = ['IS', 'IR'] as const;
export type Taxation = (typeof taxations)[number];

const text = (label: string, max: number) =>
  lineTextField(label)
    .trim()
    .min(1, `${label} obligatoire.`)
    .max(max, `${label} trop long (${max} caractères au plus).`);

const optionalText = (label: string, max: number) =>
  lineTextField(label, `${label} invalide.`)
    .trim()
    .max(max, `${label} trop long (${max} caractères au plus).`)
    .optional()
    .transform((value) => (value === '' ? undefined : value));

export const sirenField = z
  .string({ error: 'SIREN obligatoire.' })
  .transform((value) => value.replace(/\s+/g, ''))
  .refine(isValidSiren, {
    error: 'SIREN invalide : 9 chiffres avec une clé de contrôle correcte.',
  });

/** `POST /api/dossiers` and `PUT /api/dossiers/:id`. Names are cut to 35 characters in EDIFACT. */
export const dossierInput = z.object({
  siren: sirenField,
  name: text('Raison sociale', 105),
  street: optionalText('Adresse', 105),
  complement: optionalText('Complément d’adresse', 35),
  postcode: z
    .string({ error: 'Code postal obligatoire.' })
    .trim()
    .regex(/^\d{5}$/, { error: 'Code postal invalide : 5 chiffres.' }),
  city: text('Ville', 35),
  category: z.enum(fiscalCategories, { error: 'Catégorie fiscale invalide.' }),
  regime: z.enum(taxRegimes, { error: 'Régime invalide.' }),
  taxation: z.enum(taxations, { error: 'Imposition invalide : IS ou IR.' }),
  rof: z
    .string({ error: 'Référence d’obligation fiscale (ROF) obligatoire.' })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2,4}\d{1,2}$/, {
      error: 'ROF invalide : par exemple IS1 ou BIC1.',
    }),
});
export type DossierInput = z.input<typeof dossierInput>;

const isoDate = (label: string) =>
  z
    .string({ error: `${label} obligatoire.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label} invalide : format AAAA-MM-JJ.` })
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && validDay(value), {
      error: `${label} invalide.`,
    });

function validDay(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return date.toISOString().slice(0, 10) === value;
}

/** Months between two ISO dates, counting a started month. */
function monthsBetween(start: string, end: string): number {
  const [ys, ms] = start.split('-').map(Number) as [number, number];
  const [ye, me] = end.split('-').map(Number) as [number, number];
  return (ye - ys) * 12 + (me - ms) + 1;
}

/** An exercise (exercice comptable): at most 24 months, start before end. */
export const exerciseInput = z
  .object({ start: isoDate('Date de début'), end: isoDate('Date de fin') })
  .refine((value) => value.start < value.end, {
    error: 'La date de fin doit suivre la date de début.',
    path: ['end'],
  })
  .refine((value) => monthsBetween(value.start, value.end) <= 24, {
    error: 'Un exercice dure 24 mois au plus.',
    path: ['end'],
  });
export type ExerciseInput = z.input<typeof exerciseInput>;

export const exerciseSchema = z.object({ id: z.string(), start: z.string(), end: z.string() });
export type Exercise = z.infer<typeof exerciseSchema>;

export const dossierSchema = z.object({
  id: z.string(),
  siren: z.string(),
  name: z.string(),
  street: z.string().nullable(),
  complement: z.string().nullable(),
  postcode: z.string(),
  city: z.string(),
  category: z.enum(fiscalCategories),
  regime: z.enum(taxRegimes),
  taxation: z.enum(taxations),
  rof: z.string(),
  exercises: z.array(exerciseSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Dossier = z.infer<typeof dossierSchema>;

/**
 * `GET /api/dossiers`: by raison sociale. `q` keeps the dossiers whose raison sociale contains
 * it (case ignored) or whose SIREN starts with its digits ("552 100" finds 552100554).
 */
export const listDossiersQuery = pageQuery.extend({
  q: z
    .string()
    .trim()
    .max(105, 'Recherche trop longue (105 caractères au plus).')
    .optional()
    .transform((value) => (value === '' ? undefined : value)),
});
export type ListDossiersQuery = z.input<typeof listDossiersQuery>;
export const dossierPageSchema = pageOf(dossierSchema);
export type DossierPage = z.infer<typeof dossierPageSchema>;

/** `GET /api/firm/settings`. */
export const firmSettingsSchema = z.object({
  /** Interchanges carry the EDIFACT test indicator: the partner and the DGFiP treat them as tests. */
  testMode: z.boolean(),
  /** The firm's SIRET: the rédacteur (sender) of every interchange; needed to write one. */
  siret: z.string().nullable(),
});
export type FirmSettings = z.infer<typeof firmSettingsSchema>;

/** `PUT /api/firm/settings` (administrator): what is given changes, the rest stays. */
export const updateFirmSettingsRequest = z.object({
  testMode: z.boolean({ error: 'Mode test : vrai ou faux.' }).optional(),
  siret: z
    .string({ error: 'SIRET invalide.' })
    .transform((value) => value.replace(/\s+/g, ''))
    .refine(isValidSiret, {
      error: 'SIRET invalide : 14 chiffres avec une clé de contrôle correcte.',
    })
    .nullable()
    .optional(),
});
export type UpdateFirmSettingsRequest = z.input<typeof updateFirmSettingsRequest>;
