/** Reading CAMEO actor codes (LBYMIL, USAGOV, GOV, IGOUNO) into their parts for the exports. */

/** PLOVER/CAMEO sector codes: an actor code that starts with one has no country part. */
export const SECTOR_CODES: ReadonlySet<string> = new Set([
  'GOV', 'MIL', 'JUD', 'LEG', 'COP', 'OPP', 'PTY', 'REB', 'PRM', 'SPY', 'UAF', 'CVL', 'ELI', 'BUS', 'EDU', 'MED', 'LAB', 'AGR', 'JRN', 'REF', 'REL', 'SOC', 'CRM', 'HLH', 'INS', 'SEP', 'MOD', 'RAD', 'DEV', 'HRI', 'ENV', 'AMN', 'IRC', 'GRP', 'UNO', 'NGO', 'IGO', 'MNC', 'IMG', 'ISM',
]);
const PART = 3;

export interface ActorParts {
  /** The whole code, or ''. */
  code: string;
  /** The country (ISO 3166-1 alpha-3 / CAMEO country), or ''. */
  country: string;
  /** The 3-letter role/type codes after the country. */
  types: string[];
}

/**
 * Splits an actor code. The first part is the country when the actor's
 * country says so, or when it is not a sector code (CAMEO puts the country
 * first: LBYMIL); a code of sectors only (GOV, MILREB) has no country part.
 */
export function actorParts(code: string | null | undefined, country: string | null | undefined): ActorParts {
  const c = code ?? '';
  const parts: string[] = c.match(/.{1,3}/g) ?? [];
  const first = parts[0] ?? '';
  let found = country ?? '';
  if (first && (first === found || (!found && first.length === PART && !SECTOR_CODES.has(first)))) found = parts.shift() ?? '';
  return { code: c, country: found, types: parts };
}
