/** URL-safe base64 of the SHA-256 of `text`'s UTF-8 bytes, cut to `length` characters. */
export async function sha256Base64url(text: string, length: number): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return btoa(String.fromCharCode(...digest)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '').slice(0, length);
}
