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
 * The ticked ids that can still be sent: the shown ones that are still "prête", in the list's
 * order (one changed meanwhile — edited back to "brouillon", sent from another tab — drops
 * out), then the ticked ones not shown (chosen by "Sélectionner toutes les prêtes" beyond the
 * loaded pages), which the server checks again when "Envoyer" signs them.
 */
export function stillSelected(
  selected: ReadonlySet<string>,
  declarations: readonly Listed[],
): string[] {
  const shown = new Set(declarations.map((declaration) => declaration.id));
  const notShown = [...selected].filter((id) => !shown.has(id));
  return [...sendableIds(declarations).filter((id) => selected.has(id)), ...notShown];
}

/** The selection with every id of `ids` ticked, at most `max` ids in all. */
export function withAll(
  selected: ReadonlySet<string>,
  ids: readonly string[],
  max: number,
): Set<string> {
  const next = new Set(selected);
  for (const id of ids) {
    if (next.size >= max) break;
    next.add(id);
  }
  return next;
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
