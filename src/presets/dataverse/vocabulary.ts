/**
 * The vocabulary a Dataverse org serves: its `responsecode` choices with the org's own labels
 * (Web API, "Query table definitions": a PicklistAttributeMetadata with its OptionSet expanded; each
 * option has a `Value` and a `Label.UserLocalizedLabel.Label`). The four standard codes become the
 * kit details of ../vocabularies.ts; a code the org added comes through as itself, under "Other".
 */
import * as v from 'valibot';
import type { ResponseDetail, ResponseVocabulary } from '../../model/types.js';
import { DEFAULT_CATEGORIES, DEFAULT_DETAILS } from '../../model/vocabulary.js';
import { DATAVERSE_RESPONSE_CODES, EXTRA_DETAILS } from '../vocabularies.js';

export const OPTION_SET_PATH =
  "/EntityDefinitions(LogicalName='campaignresponse')/Attributes(LogicalName='responsecode')/Microsoft.Dynamics.CRM.PicklistAttributeMetadata?$select=LogicalName&$expand=OptionSet($select=Options)";

export const OptionSetSchema = v.object({
  OptionSet: v.object({
    Options: v.array(v.looseObject({
      Value: v.number(),
      Label: v.nullish(v.looseObject({ UserLocalizedLabel: v.nullish(v.looseObject({ Label: v.string() })) })),
    })),
  }),
});

const manual = (detail: ResponseDetail): ResponseDetail =>
  // Every Dataverse response is entered (or imported) as a record: none is email tracking's alone.
  ({ ...detail, channelScope: 'any', entry: 'manual', legacyEmailOnly: false, bounce: null });

export function dataverseVocabulary(metadata: v.InferOutput<typeof OptionSetSchema>): ResponseVocabulary {
  const details = metadata.OptionSet.Options.map((option): ResponseDetail => {
    const id = DATAVERSE_RESPONSE_CODES.map.toKit(option.Value);
    const label = option.Label?.UserLocalizedLabel?.Label ?? String(option.Value);
    const known = [...EXTRA_DETAILS, ...DEFAULT_DETAILS].find((d) => d.id === id);
    return known
      ? { ...manual(known), label }
      : { id, label, categoryId: 'other', channelScope: 'any', entry: 'manual', legacyEmailOnly: false, bounce: null,
          countsAs: { responded: true, lead: false, purchase: false, unsubscribe: false } };
  });
  const used = new Set(details.map((d) => d.categoryId));
  const categories = [...DEFAULT_CATEGORIES, { id: 'other', label: 'Other' }].filter((c) => used.has(c.id));
  return { categories, details };
}
