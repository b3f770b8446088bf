/**
 * Who the caller is and what they may do, as the reference server's GET /me answers it. The data
 * client turns it into one `can(action)` check that the elements honour.
 */
import * as v from 'valibot';

/** What a person may do; the server checks each, the elements show only what is allowed. */
export const ACTIONS = ['read', 'write', 'delete', 'export', 'send', 'admin'] as const;
export type Action = (typeof ACTIONS)[number];

export interface Me {
  /** Stable id of the principal (`service`, `oidc:<sub>`, `demo:<sub>`). */
  id: string;
  /** Shown as the author of the lines this principal enters. */
  name: string;
  kind: 'service' | 'user';
  permissions: Action[];
}

export const MeSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  name: v.string(),
  kind: v.picklist(['service', 'user']),
  permissions: v.array(v.picklist(ACTIONS)),
});
