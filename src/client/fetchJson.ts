/**
 * The parsed JSON at `url` (the client pages' data files); throws with the url and the HTTP status when the answer is
 * not OK. `init` goes to `fetch` (e.g. `{ cache: 'reload' }`).
 */
export async function fetchJson<T = unknown>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}
