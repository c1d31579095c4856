/** Plain feed text to paragraphs: a blank line separates them. */
export function paragraphs(text: string | undefined): string[] {
  if (!text) return []
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
}
