/**
 * Why a tracked line looks like a machine, in the element's language: from the backend's code when
 * the kit knows it, else the backend's own words (a newer backend, or one that sends no code).
 */
import type { MessageKey } from '../../i18n/en.js';
import type { Localizer } from '../../i18n/localizer.js';
import { MACHINE_CAUSE_CODES, type MachineCause } from '../../model/types.js';

const known = new Set<string>(MACHINE_CAUSE_CODES);

export function machineReasonText(l: Localizer, cause: MachineCause | null | undefined, reason: string | null): string | null {
  if (!cause || !known.has(cause.code)) return reason;
  const key = cause.code === 'security-gateway' && cause.vendor === undefined ? 'machine.security-gateway-unnamed' : `machine.${cause.code}`;
  return l.t(key as MessageKey, { vendor: cause.vendor ?? '', seconds: cause.seconds === undefined ? '' : l.number(cause.seconds, 1) });
}
