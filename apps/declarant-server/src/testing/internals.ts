// The declarant's internals that the benches measure or seed directly (a count query, the
// signature unlock, the database's row types): named here so that nothing
// outside the app reaches into its src/ by path. Not for tests of behaviour: those go through
// the API.
export type { DeclarantDatabase } from '../db/schema';
export { countDeclarations } from '../declarations/declaration-list.repository';
export { countDossiers } from '../dossiers/dossiers.repository';
export { searchText } from '../dossiers/search-text';
export { unlockSignature, wrappedKeyContext } from '../signatures/signature-unlock.service';
export {
  renderDeclarationPdf,
  type DeclarationPdfInput,
} from '../declarations/pdf/render-declaration-pdf';
