/**
 * The text of a Word document (.docx), one paragraph per block, through mammoth's raw-text
 * reader (loaded on demand; it runs in Node and, without eval, under the app's CSP). The same
 * reader serves the app and the command line, so a .docx gives the same text in both. The zip
 * is checked against the archive limits first (unzip-source.ts): mammoth's unzip has none.
 */
import { fail, ok, type Result } from '../result';
import { zipLimitError } from './unzip-source';

/** The document's text, or why it cannot be read: a limit crossed (a zip bomb?), or not a Word document. */
export async function docxToText(bytes: Uint8Array): Promise<Result<string>> {
  const bomb = zipLimitError(bytes);
  if (bomb) return fail(bomb);
  const { default: mammoth } = await import('mammoth');
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  // mammoth's browser build reads `arrayBuffer`, its Node build `buffer`: both take an ArrayBuffer.
  const input = { arrayBuffer, buffer: arrayBuffer };
  try {
    return ok((await mammoth.extractRawText(input)).value);
  } catch (error) {
    return fail(`not a readable Word document (${error instanceof Error ? error.message : String(error)})`);
  }
}
