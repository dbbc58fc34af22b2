// What a visit shows after its home screen, fetched outside the first screen's script and prefetched once the app
// has taken over: the other screens, the mediator's bar, the idle warning, audio mode.
import { onDemand } from '../kit/on-demand';
import { UnlockForm } from '../assisted/MediatorUnlock';
import { KioskModal } from '../components/KioskDialog';

export const NeedScreen = onDemand('NeedScreen', () => import('../screens/need/NeedScreen').then((m) => m.NeedScreen));
export const ItemScreen = onDemand('ItemScreen', () => import('../screens/item/ItemScreen').then((m) => m.ItemScreen));
export const SearchScreen = onDemand('SearchScreen', () => import('../screens/search/SearchScreen').then((m) => m.SearchScreen));
export const HelpScreen = onDemand('HelpScreen', () => import('../screens/help/HelpScreen').then((m) => m.HelpScreen));
export const EmergencyScreen = onDemand('EmergencyScreen', () =>
  import('../screens/emergency/EmergencyScreen').then((m) => m.EmergencyScreen),
);
export const MediatorBar = onDemand('MediatorBar', () => import('../assisted/MediatorBar').then((m) => m.MediatorBar));
export const InterruptedSlip = onDemand('InterruptedSlip', () => import('../assisted/InterruptedSlip').then((m) => m.InterruptedSlip));
export const IdleWarning = onDemand('IdleWarning', () => import('./IdleWarning').then((m) => m.IdleWarning));
export const AudioMode = onDemand('AudioMode', () => import('./AudioMode').then((m) => m.AudioMode));

/** In the order a visitor is likely to need them: the screens the home screen's buttons open first. */
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
