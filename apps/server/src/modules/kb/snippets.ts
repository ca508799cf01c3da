/**
 * Highlighted snippets already made. `ts_headline` with fragments was most of a search
 * statement's time once the statement stopped being planned for every call (0.12 ms a row on
 * PGlite, where one thread answers every request), and the same queries come back all day. A
 * snippet is a pure function of the query's highlight texts and the variant's language and body,
 * so it is kept under those (the body as its md5, computed by the statement) and is right however
 * the article changes: a new body is a new key. The search statement is told which bodies this
 * process has for the query and highlights only the others, in the same round trip.
 */
import type { QueryTexts } from './query.ts';

/** Queries kept, least recently used first out. */
const MAX_QUERIES = 256;
/** Snippets kept a query (a page is 10 to 20 articles); past it, new ones are made each time. */
const MAX_PER_QUERY = 40;

export class SnippetCache {
  #byQuery = new Map<string, Map<string, string>>();

  /** The snippets of a query by body key. The map only grows (to its cap), so a caller may hold it across a statement. */
  of(headline: QueryTexts['headline']): Map<string, string> {
    const key = `${headline.russian}\u0001${headline.english}\u0001${headline.kazakh}`;
    let known = this.#byQuery.get(key);
    if (known) this.#byQuery.delete(key);
    else {
      known = new Map();
      if (this.#byQuery.size >= MAX_QUERIES) {
        const oldest = this.#byQuery.keys().next().value;
        if (oldest !== undefined) this.#byQuery.delete(oldest);
      }
    }
    this.#byQuery.set(key, known);
    return known;
  }

  static add(known: Map<string, string>, bodyKey: string, snippet: string): void {
    if (known.size < MAX_PER_QUERY) known.set(bodyKey, snippet);
  }
}
