/** Escapes text from front matter so Marp shows it as written and never parses it as markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>&~"'=:$]/g, (c) => `\\${c}`).replace(/\n+/g, ' ');
}

/** A directive value, quoted for Marpit's YAML: `_header: "…"`. */
export function directiveValue(text: string): string {
  return JSON.stringify(escapeMarkdown(text));
}

/** Speaker notes as an HTML comment; `--` would end the comment early. */
export function notesComment(text: string): string {
  const safe = text.replace(/--/g, '‐‐').trim();
  return safe === '' ? '' : `<!--\n${safe}\n-->`;
}
