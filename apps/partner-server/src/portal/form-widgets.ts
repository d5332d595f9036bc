import { html, raw, type Html } from './html';

/**
 * A labelled input. Its error, when there is one, sits right under it in a `role="alert"`
 * paragraph the input points to with aria-describedby, and the input is marked aria-invalid.
 */
export function field(options: {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  value?: string | undefined;
  error?: string | undefined;
  autocomplete?: string;
}): Html {
  const id = `champ-${options.name}`;
  const errorId = `${id}-erreur`;
  // Passwords are never written back into a page.
  const value = options.type === 'password' ? '' : (options.value ?? '');
  return html`<div class="field">
    <label for="${id}">${options.label}</label>
    <input
      id="${id}"
      name="${options.name}"
      type="${options.type ?? 'text'}"
      value="${value}"
      ${options.autocomplete ? html`autocomplete="${options.autocomplete}"` : ''}
      ${options.error ? html`aria-invalid="true" aria-describedby="${errorId}"` : ''}
    />
    ${options.error ? html`<p class="error" role="alert" id="${errorId}">${options.error}</p>` : ''}
  </div>`;
}

/** A refusal not tied to one field, announced at once. */
export function alertBox(message: string | undefined): Html {
  return message ? html`<p role="alert" class="alert">${message}</p>` : raw('');
}

/** A confirmation after an action (status: announced politely). */
export function statusBox(message: string | undefined): Html {
  return message ? html`<p role="status" class="notice">${message}</p>` : raw('');
}

/**
 * A form holding one button that posts to `action` (no script: a plain HTML form). A disabled
 * button points to the sentence that says why (`describedBy`).
 */
export function postButton(options: {
  action: string;
  label: string;
  ariaLabel?: string;
  secondary?: boolean;
  disabled?: boolean;
  describedBy?: string;
}): Html {
  return html`<form class="inline" method="post" action="${options.action}">
    <button
      type="submit"
      ${options.secondary ? raw('class="secondary"') : ''}
      ${options.ariaLabel ? html`aria-label="${options.ariaLabel}"` : ''}
      ${options.disabled ? raw('disabled') : ''}
      ${options.describedBy ? html`aria-describedby="${options.describedBy}"` : ''}
    >
      ${options.label}
    </button>
  </form>`;
}
