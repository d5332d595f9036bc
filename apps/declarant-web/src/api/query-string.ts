// The query string of a list request, from the contracts' query types.

/** `path` with the string and number entries of `query` as its query string (none: `path`). */
export function withQuery(path: string, query: object): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if ((typeof value === 'string' && value !== '') || typeof value === 'number')
      params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
