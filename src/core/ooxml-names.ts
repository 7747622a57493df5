import { posix } from 'node:path';
// The namespaces and relationship types of an Office Open XML package (ECMA-376 parts 1 and 2),
// named once for every stage that reads or writes one: the loader that reads a company
// template, and the PPTX passes that finish and graft lectern's own.

export const OOXML = {
  /** DrawingML. */
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  /** PresentationML. */
  p: 'http://schemas.openxmlformats.org/presentationml/2006/main',
  /** A part's relationships (`_rels/*.rels`). */
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  /** `[Content_Types].xml`. */
  contentTypes: 'http://schemas.openxmlformats.org/package/2006/content-types',
  /** The `r:` attributes (`r:id`, `r:embed`) that point into a part's relationships. */
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
} as const;

/** A relationship's type: `relType('slideLayout')`. */
export const relType = (t: string) => `${OOXML.r}/${t}`;

/** The relationships part of a package part (`ppt/slides/_rels/slide1.xml.rels`); the package's own for ''. */
export const relsOf = (part: string) =>
  posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
