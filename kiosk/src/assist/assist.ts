import type { GuideRequest, Lang } from '@luot/shared';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { GuidePlayer } from './guide-player.ts';

/**
 * The two helpers a citizen can switch on at the kiosk: large text, and spoken guidance ("Nghe hướng dẫn").
 * Both are off until asked for, and both go off again when the visit ends, so the next citizen finds the
 * kiosk as new.
 */
export interface Assist {
  largeText: boolean;
  guideOn: boolean;
  toggleLargeText: () => void;
  toggleGuide: () => void;
  /** Reads `request` now, if guidance is on (a field touched once, a category). */
  say: (request: GuideRequest) => void;
  /** The screen on show says what it is: read now if guidance is on, and when it is switched on. */
  screen: (request: GuideRequest | null) => void;
  /** The visit ended: silence, and both helpers off. */
  reset: () => void;
}

export function useAssistState(lang: Lang, token: string | null, tokenRefused: (token: string, code: string) => void): Assist {
  const [largeText, setLargeText] = useState(false);
  const [guideOn, setGuideOn] = useState(false);
  const tokenRef = useRef(token);
  const refusedRef = useRef(tokenRefused);
  const langRef = useRef(lang);
  const guideRef = useRef(false);
  const screenRef = useRef<GuideRequest | null>(null);
  const playerRef = useRef<GuidePlayer | null>(null);

  useEffect(() => {
    tokenRef.current = token;
    refusedRef.current = tokenRefused;
  }, [token, tokenRefused]);

  const player = useCallback(() => {
    playerRef.current ??= new GuidePlayer(
      () => tokenRef.current,
      (t, code) => refusedRef.current(t, code),
    );
    return playerRef.current;
  }, []);

  const play = useCallback((request: GuideRequest | null) => {
    if (guideRef.current && request) player().play(request, langRef.current);
  }, [player]);

  // A language switch while guidance is on reads the screen again, in the new language.
  useEffect(() => {
    if (langRef.current === lang) return;
    langRef.current = lang;
    play(screenRef.current);
  }, [lang, play]);

  // Leaving the kiosk (the app unmounts) must not leave a sentence playing.
  useEffect(() => () => playerRef.current?.stop(), []);

  const toggleGuide = useCallback(() => {
    const on = !guideRef.current;
    guideRef.current = on;
    setGuideOn(on);
    if (on) {
      // Still inside the touch: this is what allows the page to make sound.
      player().unlock();
      play(screenRef.current);
    } else {
      playerRef.current?.stop();
    }
  }, [player, play]);

  const screen = useCallback(
    (request: GuideRequest | null) => {
      screenRef.current = request;
      if (request) play(request);
      else playerRef.current?.stop();
    },
    [play],
  );

  const reset = useCallback(() => {
    guideRef.current = false;
    setGuideOn(false);
    setLargeText(false);
    playerRef.current?.stop();
  }, []);

  const toggleLargeText = useCallback(() => setLargeText((on) => !on), []);

  return useMemo(() => ({ largeText, guideOn, toggleLargeText, toggleGuide, say: play, screen, reset }), [largeText, guideOn, toggleLargeText, toggleGuide, play, screen, reset]);
}

export const AssistContext = createContext<Assist | null>(null);

export function useAssist(): Assist | null {
  return useContext(AssistContext);
}

/**
 * Tells the guidance which screen is on show. `request` is compared by value, so a screen may build it on every
 * render; it is read once when the screen appears (and again if it changes), not on every render.
 */
export function useScreenGuide(request: GuideRequest | null): void {
  const assist = useAssist();
  const key = request === null ? '' : JSON.stringify(request);
  const screen = assist?.screen;
  useEffect(() => {
    screen?.(key === '' ? null : (JSON.parse(key) as GuideRequest));
  }, [key, screen]);
}
