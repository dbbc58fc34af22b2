// The journeys of the content pack and their step ids (French pack: ids are the same in every language), which a
// resume ticket from any kiosk of the site is read against.
import type { JourneyBody } from '../../common/api/types';
import type { JourneyShapes } from './tickets';
import type { ContentReader } from '../content/content';

export function journeyShapes(content: ContentReader): JourneyShapes {
  return async () => {
    const shapes = new Map<string, { steps: readonly string[] }>();
    const needs = content.needs('fr');
    for (const item of needs.ok ? needs.value.flatMap((n) => n.items) : []) {
      if (item.kind !== 'journey' || shapes.has(item.id)) continue;
      const full = content.item('fr', item.id);
      if (full.ok && full.value.kind === 'journey') shapes.set(item.id, { steps: (full.value.body as JourneyBody).steps.map((s) => s.id) });
    }
    return shapes;
  };
}
