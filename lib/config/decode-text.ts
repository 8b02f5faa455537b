/**
 * Config files are UTF-8 text. A file saved as UTF-16 (Windows editors' "Unicode"), a binary
 * file, or one too large to be a config file is refused with a message, before the YAML
 * parser sees it: UTF-16 read as UTF-8 is a NUL between every letter, and the parser's
 * complaint about that names nothing the user can act on.
 */

/** Largest config file read. The 1,000-tenant generated estate.yaml is under 100 KB. */
export const MAX_CONFIG_FILE_BYTES = 4 * 1024 * 1024;

export type DecodedText = { readonly text: string } | { readonly message: string; readonly hint: string };

const SAVE_AS_UTF8 = 'save the file as UTF-8 text (in most editors: "Save with encoding", UTF-8)';

/** Why a file of `size` bytes is too large to be a config file, if it is. */
export function sizeProblem(size: number): { message: string; hint: string } | undefined {
  if (size <= MAX_CONFIG_FILE_BYTES) return undefined;
  return {
    message: `expected a config file of at most ${MAX_CONFIG_FILE_BYTES / 1024 / 1024} MB, got ${megabytes(size)} MB`,
    hint: 'a config file holds settings written by hand; check that the right file is in the config folder',
  };
}

export function decodeConfigBytes(bytes: Uint8Array): DecodedText {
  const tooLarge = sizeProblem(bytes.length);
  if (tooLarge) return tooLarge;
  const utf16 = utf16Kind(bytes);
  if (utf16) return { message: `expected UTF-8 text, got ${utf16} text`, hint: SAVE_AS_UTF8 };
  if (bytes.includes(0)) {
    return {
      message: 'expected UTF-8 text, got binary data (a NUL byte)',
      hint: 'config files are YAML text; check that the right file is in the config folder',
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { message: 'expected UTF-8 text, got bytes that are not valid UTF-8', hint: SAVE_AS_UTF8 };
  }
  // A UTF-8 byte order mark is harmless: some Windows editors write one.
  return { text: text.startsWith('\ufeff') ? text.slice(1) : text };
}

/** UTF-16 by its byte order mark, or by the NUL in every other byte of ASCII text. */
function utf16Kind(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16 (little-endian)';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16 (big-endian)';
  if (bytes.length >= 4 && bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0)
    return 'UTF-16 (little-endian)';
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0 && bytes[3] !== 0)
    return 'UTF-16 (big-endian)';
  return undefined;
}

function megabytes(size: number): string {
  return (size / 1024 / 1024).toFixed(1);
}
