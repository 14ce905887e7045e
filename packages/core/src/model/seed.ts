/**
 * A seed as a person types it (a command-line flag, a form field): a whole number such as "42" or
 * "-3" is that number; any other text is a text seed, which the generator hashes.
 */
export function parseSeed(text: string): number | string {
  return /^-?\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : text;
}
