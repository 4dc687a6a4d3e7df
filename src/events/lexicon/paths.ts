/** Where the event lexicon's files live in the package. */
import { dataPath } from '../../model/paths.js';

/** The absolute path of a file in `data/events/`. */
export function eventDataPath(name: string): string {
  return dataPath('events', name);
}
