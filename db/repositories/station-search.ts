import { and, asc, desc, eq, not, sql, type SQL } from 'drizzle-orm'
import type { Database } from '../client.js'
import { stationRecordColumns as stationColumns, stations } from '../schema/index.js'
import type { StationRecord } from './stations.js'

const escapeLike = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`)
/** A term without letters that have a case (Chinese, digits) is matched by LIKE, which costs far less than ILIKE. */
const caseless = (term: string) => term.toLowerCase() === term.toUpperCase()

type Contains = {
  /** LIKE (ILIKE for words with case) alone: for excluding what an earlier tier found, on rows that are already candidates. */
  plain: SQL
  /** The same, led by the character-pair index where the terms have pairs: for finding candidates. */
  indexed: SQL
}

/** Every term is in `column`, whose character pairs are stored in `grams`. */
function containsAll(
  column: typeof stations.name | typeof stations.searchText,
  grams: typeof stations.nameGrams | typeof stations.searchGrams,
  terms: readonly string[],
): Contains {
  const plain =
    and(...terms.map((term) => sql`${column} ${sql.raw(caseless(term) ? 'LIKE' : 'ILIKE')} ${`%${escapeLike(term)}%`}`)) ?? sql`true`
  const pairs = [...new Set(terms.flatMap(characterPairs))]
  if (pairs.length === 0) return { plain, indexed: plain }
  // Each pair lower-cased by the database, as the indexed text is (lower() follows its collation).
  const wanted = sql`ARRAY[${sql.join(
    pairs.map((pair) => sql`lower(${pair}::text)`),
    sql`, `,
  )}]::text[]`
  return { plain, indexed: sql`(${grams} @> ${wanted} AND ${plain})` }
}

/** The adjacent character pairs of a typed word (成都路 → 成都, 都路), as the pair indexes hold them. */
function characterPairs(term: string): string[] {
  const characters = [...term]
  return characters.slice(1).map((character, index) => `${characters[index]}${character}`)
}

/** How many matches of a word are ranked; beyond that, a word is too common to rank every match. */
const RANKED = 256

/**
 * The first `limit` of at most RANKED matches of `where`, in `order`. A common word (成都 in
 * 5,000 names) would otherwise fetch and sort every matching row to show eight: the sample is the
 * first RANKED rows the index finds, which is every match of any word a rider would really look
 * for, and a fixed, cheap amount of work for one that is not.
 */
async function ranked(
  db: Database,
  where: SQL | undefined,
  /** `name`: the exact name first, then shorter names; `id`: the order stations were added in. */
  order: { exactName: string } | 'id',
  limit: number,
): Promise<StationRecord[]> {
  const candidates = db.select(stationColumns).from(stations).where(where).limit(RANKED).as('candidates')
  return db
    .select()
    .from(candidates)
    .orderBy(
      ...(order === 'id'
        ? [asc(candidates.id)]
        : [desc(sql`${candidates.name} = ${order.exactName}`), asc(sql`char_length(${candidates.name})`), asc(candidates.id)]),
    )
    .limit(limit)
}

/** Stations whose name contains `query` (the /stations panel's search), through the name's pair index. */
export const nameContains = (query: string): SQL => containsAll(stations.name, stations.nameGrams, [query]).indexed

/**
 * Typed-place search over station names, districts and addresses. A station matches when it
 * contains every typed word, or when its name is trigram-similar to the query (typos, missing
 * words). The exact name ranks first, then names containing every word (the shorter, the closer
 * to what was typed), then stations whose district or address does, then near misses, the most
 * similar name first.
 *
 * Each tier is its own index-backed query (character pairs for the words, trigrams for near
 * misses), asked only while the list is not full: a common word (成都, 人民路) is answered from
 * the names without ranking every address in the city.
 */
export async function searchStations(db: Database, query: string, limit: number): Promise<StationRecord[]> {
  const terms = query.trim().split(/\s+/).filter(Boolean)
  if (terms.length === 0 || limit <= 0) return []
  const joined = terms.join(' ')
  const similarity = sql`public.similarity(${stations.name}, ${joined})`
  const inName = containsAll(stations.name, stations.nameGrams, terms)
  const inText = containsAll(stations.searchText, stations.searchGrams, terms)

  const named = await ranked(db, and(eq(stations.active, true), inName.indexed), { exactName: joined }, limit)
  if (named.length >= limit) return named

  const described = await ranked(db, and(eq(stations.active, true), inText.indexed, not(inName.plain)), 'id', limit - named.length)
  const found = [...named, ...described]
  if (found.length >= limit) return found

  // Near misses through the trigram index on the name (trigrams ignore case), at pg_trgm's own
  // similarity threshold (0.3). Not lowered per query with set_config: PGlite has spun in its error
  // path under that transaction.
  const similar = await db
    .select(stationColumns)
    .from(stations)
    .where(and(eq(stations.active, true), sql`${stations.name} OPERATOR(public.%) ${joined}`, not(inText.plain)))
    .orderBy(desc(similarity), asc(stations.id))
    .limit(limit - found.length)
  return [...found, ...similar]
}
