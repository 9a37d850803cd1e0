// Manual alert rule data for the web app: the list and the changes. Keys start with 'alert-rules' so live
// alert_rule.* events refresh them.
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../../web/api.ts';
import type { RuleConfig, ruleOut } from '../../contract.ts';
import { useDeleteItem, useSaveItem } from '../crud.ts';

/** A rule as listed. */
export type Rule = z.infer<typeof ruleOut>;

/** What the add/edit dialog sends (the topic only when adding). */
export type RuleInput = { name?: string; topicId?: string; config?: RuleConfig; enabled?: boolean; version?: number };

/** The organisation's rules, oldest first. */
export const rulesQuery = queryOptions({
  queryKey: ['alert-rules'],
  queryFn: ({ signal }) => api<Rule[]>('GET', '/api/alert-rules', undefined, { signal }),
});

const PATH = '/api/alert-rules';

/** Adds a rule, or changes one when an id is given. */
export const useSaveRule = () => useSaveItem<Rule, RuleInput>(PATH, 'alert-rules');

/** Deletes a rule (alerts it raised stay). */
export const useDeleteRule = () => useDeleteItem(PATH, 'alert-rules');
