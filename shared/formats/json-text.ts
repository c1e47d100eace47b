/**
 * JSON.parse with an error a person can act on: the file and the line where the text stops
 * being JSON. Kept apart from the bundle reader so a reader of one format (the W3C items read in
 * the import's worker thread) loads no more than it uses.
 */
import { fail, ok, type Result } from '../result';

function lineAt(text: string, position: number): number {
  let line = 1;
  for (let i = 0; i < position && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** JSON.parse with the error's line; V8 reports "at position N", or the end of the input. */
export function parseJson(file: string, text: string): Result<unknown> {
  try {
    return ok(JSON.parse(text));
  } catch (error) {
    const at = /position (\d+)/.exec(String(error));
    const position = at ? Number(at[1]) : /end of JSON input/.test(String(error)) ? text.length : 0;
    return fail(`${file}:${lineAt(text, position)}: not valid JSON (${(error as Error).message})`);
  }
}
