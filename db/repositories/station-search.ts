import { and, asc, desc, eq, not, sql, type SQL } from 'drizzle-orm'
import type { Database } from '../client.js'
import { stationRecordColumns as stationColumns, stations } from '../schema/index.js'
import type { StationRecord } from './stations.js'

/** How similar (pg_trgm) a name must be to the query to match it without containing every word. */
const SIMILAR = 0.25

const escapeLike = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`)
/** A term without letters that have a case (Chinese, digits) is matched by LIKE, which costs far less than ILIKE. */
const caseless = (term: string) => term.toLowerCase() === term.toUpperCase()

/** Every term is in `column`: LIKE for caseless terms, ILIKE for terms with letters that have case. */
const containsAll = (column: typeof stations.name | typeof stations.searchText, terms: readonly string[]): SQL =>
  and(...terms.map((term) => sql`${column} ${sql.raw(caseless(term) ? 'LIKE' : 'ILIKE')} ${`%${escapeLike(term)}%`}`)) ?? sql`true`

/**
 * Every term is in the name. Also asked of the whole search text (which holds the name), where
 * the trigram index can find the candidates for a word of three characters or more; a shorter
 * word has no trigram and is looked for row by row, which RANKED keeps cheap for common words.
 */
const inName = (terms: readonly string[]): SQL => and(containsAll(stations.searchText, terms), containsAll(stations.name, terms))!

/** How many matches of a word are ranked; beyond that, a word is too common to rank every match. */
const RANKED = 256

/**
 * The first `limit` of at most RANKED matches of `where`, in `order`. A common word (成都 in
 * 5,000 names) would otherwise fetch and sort every matching row to show eight: the sample is the
 * first RANKED matches found (through the trigram index, or row by row for a two-character word),
 * which is every match of any word a rider would really look for, and a fixed, cheap amount of
 * work for one that is not.
 */
async function ranked(
  db: Database,
  where: SQL | undefined,
  /** `exactName`: that name first, then shorter names; `id`: the order stations were added in. */
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

/** Stations whose name contains `query` (the /stations panel's search). */
export const nameContains = (query: string): SQL => inName([query])

/**
 * Typed-place search over station names, districts and addresses. A station matches when it
 * contains every typed word, or when the words are close to a stretch of its text (typos, a
 * missing character). The exact name ranks first, then names containing every word (the shorter,
 * the closer to what was typed), then stations whose district or address does, then near misses,
 * the most similar name first.
 *
 * Each tier is its own query, asked only while the list is not full, and ranks at most RANKED
 * rows: a common word (成都, 人民路) is answered from the first names that contain it without
 * ranking every station of the city, and the old search, which computed a similarity for every
 * station, took 300 ms on 100,000 of them.
 */
export async function searchStations(db: Database, query: string, limit: number): Promise<StationRecord[]> {
  const terms = query.trim().split(/\s+/).filter(Boolean)
  if (terms.length === 0 || limit <= 0) return []
  const joined = terms.join(' ')
  const similarity = sql`public.similarity(${stations.name}, ${joined})`
  const inText = containsAll(stations.searchText, terms)

  const named = await ranked(db, and(eq(stations.active, true), inName(terms)), { exactName: joined }, limit)
  if (named.length >= limit) return named

  const described = await ranked(
    db,
    and(eq(stations.active, true), inText, not(containsAll(stations.name, terms))),
    'id',
    limit - named.length,
  )
  const found = [...named, ...described]
  if (found.length >= limit) return found

  // Near misses (a typo, a missing character): candidates through the trigram index on the search
  // text, whose stretch is close to the typed words (word similarity, at the threshold the
  // connection sets), kept when the name itself is similar enough; most similar names first.
  const similar = await db
    .select(stationColumns)
    .from(stations)
    .where(
      and(
        eq(stations.active, true),
        sql`${joined} OPERATOR(public.<%) ${stations.searchText}`,
        sql`${similarity} >= ${SIMILAR}`,
        not(inText),
      ),
    )
    .orderBy(desc(similarity), asc(stations.id))
    .limit(limit - found.length)
  return [...found, ...similar]
}
