/** A value that YAML reads as more than plain text when it starts with one of these (Marpit's list). */
const YAML_SPECIAL = `["'{|>~&*`;

/**
 * Front matter lines as Marpit reads its directives with `looseYAML` (marp-core's default): a
 * top-level line `key: value` whose key is one of `keys` (or `_key`, quoted or not) and whose
 * value does not open a YAML string, block, flow, alias or tag is read as that text, quoted, so
 * `footer: CS571 | Lecture 08: React 2` and `backgroundColor: #fff` mean what they say. This is
 * Marpit's own rule (its convertLoose), line for line, so every line keeps its number.
 */
export function looseLines(lines: readonly string[], keys: readonly string[]): string[] {
  const loose = new Set(keys.flatMap((k) => [k, `_${k}`]).flatMap((k) => [k, `"${k}"`, `'${k}'`]));
  return lines.map((line) => {
    const colon = line.indexOf(':');
    if (colon <= 0) return line;
    const key = line.slice(0, colon).trimEnd();
    const value = line.slice(colon + 1);
    const trimmed = value.trim();
    if (!loose.has(key) || trimmed === '' || YAML_SPECIAL.includes(trimmed[0]!)) return line;
    const spaces = value.slice(0, value.length - value.trimStart().length);
    return `${line.slice(0, colon + 1)}${spaces}"${trimmed.split('\\').join('\\\\').split('"').join('\\"')}"`;
  });
}
