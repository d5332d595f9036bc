// Which declarations are ticked for "Envoyer": only "prête" ones can be (pure, tested).
import type { DeclarationSummary } from '@passerelle/contracts';

type Listed = Pick<DeclarationSummary, 'id' | 'status'>;

/** Whether a declaration can be ticked for sending. */
export function isSendable(declaration: Pick<DeclarationSummary, 'status'>): boolean {
  return declaration.status === 'ready';
}

/** The ids of the "prête" declarations of the list, in its order. */
export function sendableIds(declarations: readonly Listed[]): string[] {
  return declarations.filter(isSendable).map((declaration) => declaration.id);
}

/**
 * The ticked ids that can still be sent, in the list's order: a declaration changed meanwhile
 * (edited back to "brouillon", sent from another tab) drops out of the selection.
 */
export function stillSelected(
  selected: ReadonlySet<string>,
  declarations: readonly Listed[],
): string[] {
  return sendableIds(declarations).filter((id) => selected.has(id));
}

/** The selection with `id` ticked or unticked. */
export function toggled(selected: ReadonlySet<string>, id: string, on: boolean): Set<string> {
  const next = new Set(selected);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

/** The state of "Tout sélectionner les prêtes": all, some, or none of them ticked. */
export function selectAllState(
  selected: ReadonlySet<string>,
  declarations: readonly Listed[],
): 'all' | 'some' | 'none' {
  const ids = sendableIds(declarations);
  const ticked = ids.filter((id) => selected.has(id)).length;
  if (ticked === 0) return 'none';
  return ticked === ids.length ? 'all' : 'some';
}
