/**
 * The text fields of a posted form. A urlencoded body repeats a name as an array, and a JSON
 * body can hold anything: only string values are kept, so pages and schemas see plain text.
 */
export function readForm(body: unknown): Record<string, string> {
  if (typeof body !== 'object' || body === null) return {};
  const form: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === 'string') form[name] = value;
  }
  return form;
}
