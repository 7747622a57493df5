// The XML tree lives in core (core/xml-tree.ts): the loader reads a company's PowerPoint template
// with it too. The PPTX passes import it from here, as before.
export * from '../../core/xml-tree.js';
