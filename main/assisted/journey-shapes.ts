// The journeys of the content pack and their step ids (French pack: ids are the same in every language), which a
// resume ticket from any kiosk of the site is read against.
import type { Handlers } from '../../common/api/contract';
import type { JourneyBody } from '../../common/api/types';
import type { JourneyShapes } from './tickets';

export function journeyShapes(content: Pick<Handlers, 'content.needs' | 'content.item'>): JourneyShapes {
  return async () => {
    const shapes = new Map<string, { steps: readonly string[] }>();
    const needs = await content['content.needs']({ locale: 'fr' });
    for (const item of needs.ok ? needs.value.flatMap((n) => n.items) : []) {
      if (item.kind !== 'journey' || shapes.has(item.id)) continue;
      const full = await content['content.item']({ locale: 'fr', id: item.id });
      if (full.ok && full.value.kind === 'journey') shapes.set(item.id, { steps: (full.value.body as JourneyBody).steps.map((s) => s.id) });
    }
    return shapes;
  };
}
