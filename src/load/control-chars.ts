/**
 * Characters XML 1.0 forbids (C0 controls but tab and line breaks, U+FFFE/U+FFFF, unpaired
 * surrogates). Word puts a vertical tab where a soft line break was; in a PPTX slide or notes
 * part any of these makes the XML malformed and PowerPoint or LibreOffice drops the part.
 */
export const XML_INVALID =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this pattern finds
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with each forbidden character replaced by a space. */
export const withoutControlChars = (text: string): string => text.replace(XML_INVALID, ' ');

/** 1-based line of the first forbidden character, or 0. */
export function firstControlCharLine(text: string): number {
  XML_INVALID.lastIndex = 0;
  const m = XML_INVALID.exec(text);
  XML_INVALID.lastIndex = 0;
  return m ? text.slice(0, m.index).split('\n').length : 0;
}
