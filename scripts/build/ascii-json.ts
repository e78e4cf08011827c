/** JSON with every character past ASCII escaped (`\u00e9`): JSON.parse reads it back exactly, and the text is one byte a character. */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
