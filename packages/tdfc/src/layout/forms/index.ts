// The printed forms known to Passerelle: the liasse simplifiée (2065, 2033-A…G).
import type { PaperFormSpec } from '../types';
import { form2033A } from './2033a';
import { form2033B } from './2033b';
import { form2033C } from './2033c';
import { form2033D } from './2033d';
import { form2033E } from './2033e';
import { form2033F, form2033G } from './2033fg';
import { form2065 } from './2065';

/** Every form with a paper layout, by form id. */
export const PAPER_FORMS: ReadonlyMap<string, PaperFormSpec> = new Map(
  [form2065, form2033A, form2033B, form2033C, form2033D, form2033E, form2033F, form2033G].map(
    (spec) => [spec.form, spec],
  ),
);
