/**
 * "Open this address in the memory view": the trace panel asks, the memory view (when the page
 * has one) listens. A tiny channel so neither panel needs to know the other.
 */
type Listener = (address: number) => void;
const listeners = new Set<Listener>();

export function requestOpenAddress(address: number): void {
  for (const l of listeners) l(address);
}

/** The memory view subscribes; returns the function that unsubscribes. */
export function onOpenAddressRequest(listener: Listener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export const hasAddressListener = (): boolean => listeners.size > 0;
