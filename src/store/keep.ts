/**
 * Keeps `value` under `key` in `map`, first dropping the oldest entry once `limit` are kept (first
 * in, first out): for values that are cheap to make again, so a sweep through many keys bounds
 * memory instead of growing it.
 */
export function keepBounded<K, V>(map: Map<K, V>, limit: number, key: K, value: V): V {
  if (map.size >= limit && !map.has(key)) map.delete(map.keys().next().value!);
  map.set(key, value);
  return value;
}
