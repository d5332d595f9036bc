// Display names of forms in messages: the Cerfa spelling (`2033-A`) rather than the EDI id.

/** `2033A` → `2033-A`, `2065BIS` → `2065-BIS`, `F-IDENTIF` and `2065` unchanged. */
export function formDisplayName(formId: string): string {
  const match = /^(\d{4})([A-Z].*)$/.exec(formId);
  return match ? `${match[1]}-${match[2]}` : formId;
}
