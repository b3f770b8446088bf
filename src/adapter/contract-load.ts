/**
 * Loads `contract.ts` (Valibot and the schemas answers are checked against) once per page, when a
 * REST adapter is made: its calls await it only once their answer is read, so the first request and
 * the module travel together, after the element's first paint.
 */
import type { GenericSchema } from 'valibot';
import type * as ContractModule from './contract.js';
import { UnavailableError } from './errors.js';

export type Contract = typeof ContractModule;

/** A schema, or where to find it in the contract once loaded (the recipient side's operations). */
export type SchemaRef<T> = GenericSchema<unknown, T> | ((contract: Contract) => GenericSchema<unknown, T>);

let loading: Promise<Contract> | undefined;

/**
 * The contract module. A module that could not be fetched (the network was down) is an
 * `UnavailableError`, retried like a lost answer, and asked for again next time.
 */
export function loadContract(): Promise<Contract> {
  if (!loading) {
    const attempt = import('./contract.js').catch((error: unknown) => {
      if (loading === attempt) loading = undefined;
      throw new UnavailableError('the checks of the answers could not be loaded', { cause: error });
    });
    loading = attempt;
  }
  return loading;
}

/** The schema `ref` stands for. */
export const schemaOf = <T>(ref: SchemaRef<T>, contract: Contract): GenericSchema<unknown, T> => (typeof ref === 'function' ? ref(contract) : ref);
