// What a visit shows after its home screen, fetched outside the first screen's script and prefetched once the app
// has taken over: the other screens, the mediator's bar, the idle warning, audio mode. Each comes with the rest of
// the French texts, so none shows before its words.
import type { ComponentType } from 'react';
import { along, onDemand } from '../kit/on-demand';
import { completeFrench } from '../i18n/setup';
import { UnlockForm } from '../assisted/MediatorUnlock';
import { KioskModal } from '../components/KioskDialog';

const later = <P extends object>(name: string, load: () => Promise<ComponentType<P>>) => onDemand(name, along(completeFrench, load));

export const NeedScreen = later('NeedScreen', () => import('../screens/need/NeedScreen').then((m) => m.NeedScreen));
export const ItemScreen = later('ItemScreen', () => import('../screens/item/ItemScreen').then((m) => m.ItemScreen));
export const SearchScreen = later('SearchScreen', () => import('../screens/search/SearchScreen').then((m) => m.SearchScreen));
export const HelpScreen = later('HelpScreen', () => import('../screens/help/HelpScreen').then((m) => m.HelpScreen));
export const EmergencyScreen = later('EmergencyScreen', () =>
  import('../screens/emergency/EmergencyScreen').then((m) => m.EmergencyScreen),
);
export const MediatorBar = later('MediatorBar', () => import('../assisted/MediatorBar').then((m) => m.MediatorBar));
export const InterruptedSlip = later('InterruptedSlip', () => import('../assisted/InterruptedSlip').then((m) => m.InterruptedSlip));
export const IdleWarning = later('IdleWarning', () => import('./IdleWarning').then((m) => m.IdleWarning));
export const AudioMode = later('AudioMode', () => import('./AudioMode').then((m) => m.AudioMode));

/**
 * What the home screen's own buttons open: the dialogs (Confort, Terminer), a tile's need screen, the top bar's
 * screens. Fetched before the app takes over the built page, which answers taps meanwhile, so that no tap made just
 * after the takeover waits for code.
 */
export const homePrefetches = [KioskModal, NeedScreen, SearchScreen, HelpScreen, EmergencyScreen].map((part) => part.prefetch);

/** In the order a visitor is likely to need them: the dialogs and screens the home screen's buttons open first. */
export const visitPrefetches = [
  KioskModal,
  NeedScreen,
  ItemScreen,
  SearchScreen,
  HelpScreen,
  EmergencyScreen,
  AudioMode,
  IdleWarning,
  InterruptedSlip,
  MediatorBar,
  UnlockForm,
].map((part) => part.prefetch);
