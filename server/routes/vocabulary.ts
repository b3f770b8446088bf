import { jsonWithEtag, REVALIDATE } from '../http/http.js';
import { readVocabulary } from '../db/repo.js';
import type { Api, RouteDeps } from './context.js';

export function registerVocabularyRoutes(api: Api, { db }: RouteDeps): void {
  api.get('/response-types', async (c) => jsonWithEtag(c, await readVocabulary(db), REVALIDATE));
}
