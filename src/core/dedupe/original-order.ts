/**
 * Which of two copies is the original: the earlier-dated one, else the one given first. Articles without
 * a date take the latest date given before them, so the order is total (no cycles of "copies") and still
 * agrees with the rule for every pair of dated articles and every pair of undated ones.
 */
import type { Article } from '../model.js';

/** Indices of `articles` from the most original to the least (ties keep the given order). */
export function originalOrder(articles: readonly Article[]): number[] {
  let latest = -Infinity;
  const keys = articles.map((a, i) => {
    const t = a.date === undefined ? NaN : Date.parse(a.date);
    if (Number.isFinite(t)) {
      latest = Math.max(latest, t);
      return { i, t };
    }
    return { i, t: latest };
  });
  keys.sort((a, b) => a.t - b.t || a.i - b.i);
  return keys.map((k) => k.i);
}
