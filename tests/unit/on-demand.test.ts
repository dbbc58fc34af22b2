// A screen fetched on demand (renderer/kit/on-demand.tsx) renders in the same pass once its code was prefetched:
// the first tap after the prefetch shows it at once, not a frame later behind Suspense.
import { createElement, Suspense, type ComponentType } from 'react';
import { renderToString } from 'react-dom/server';
import { expect, it } from 'vitest';
import { along, onDemand } from '../../renderer/kit/on-demand';

const Greeting = ({ name }: { name: string }) => createElement('h1', null, `Bonjour ${name}`);
const page = (component: ComponentType<{ name: string }>) =>
  renderToString(createElement(Suspense, { fallback: createElement('p', null, 'en attente') }, createElement(component, { name: 'Awa' })));

it('shows the fallback before its code is fetched', () => {
  const greeting = onDemand('Greeting', async () => Greeting);
  expect(page(greeting.Component)).toContain('en attente');
});

it('renders the component in the same pass once its code was prefetched, fetched once', async () => {
  let fetched = 0;
  const greeting = onDemand('Greeting', async () => {
    fetched += 1;
    return Greeting;
  });
  await Promise.all([greeting.prefetch(), greeting.prefetch()]);
  expect(page(greeting.Component)).toContain('Bonjour Awa');
  expect(fetched).toBe(1);
});

it('fetches again after a failed fetch (the host restarting), and waits for what the component needs', async () => {
  let attempts = 0;
  let textsHere = false;
  const greeting = onDemand(
    'Greeting',
    along(
      async () => {
        await new Promise((done) => setTimeout(done, 10));
        textsHere = true;
      },
      async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('host away');
        return Greeting;
      },
    ),
  );
  await expect(greeting.prefetch()).rejects.toThrow('host away');
  await greeting.prefetch();
  expect(textsHere).toBe(true);
  expect(page(greeting.Component)).toContain('Bonjour Awa');
});
