import { useEffect, useRef, useState } from 'react';

/** A live event from `GET /api/v1/live` (numbers and statuses only, never personal data). */
export interface LiveEvent {
  type: string;
  number?: string;
  status?: string;
  agency?: string;
  callId?: string;
}

type Listener = (e: LiveEvent) => void;
const listeners = new Set<Listener>();
const stateListeners = new Set<(up: boolean) => void>();
let source: EventSource | null = null;
let up = false;
const TYPES = ['request.created', 'request.updated', 'call', 'call.ended', 'mode.changed'];

/** One EventSource for the whole console, opened with the first listener, closed with the last. */
function connect(): void {
  if (source || typeof EventSource === 'undefined') return;
  source = new EventSource('/api/v1/live');
  const setUp = (v: boolean): void => {
    up = v;
    for (const l of stateListeners) l(v);
  };
  source.onopen = () => setUp(true);
  source.onerror = () => setUp(false);
  for (const type of TYPES)
    source.addEventListener(type, (m) => {
      let e: LiveEvent;
      try {
        e = JSON.parse((m as MessageEvent<string>).data) as LiveEvent;
      } catch {
        return;
      }
      for (const l of listeners) l(e);
    });
}

function disconnectIfIdle(): void {
  if (listeners.size || stateListeners.size || !source) return;
  source.close();
  source = null;
  up = false;
}

/** Calls `onEvent` for every live event while the component is mounted; returns whether the stream is up. */
export function useLive(onEvent: Listener): boolean {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const [isUp, setIsUp] = useState(up);
  useEffect(() => {
    const l: Listener = (e) => handler.current(e);
    listeners.add(l);
    stateListeners.add(setIsUp);
    connect();
    setIsUp(up);
    return () => {
      listeners.delete(l);
      stateListeners.delete(setIsUp);
      disconnectIfIdle();
    };
  }, []);
  return isUp;
}
