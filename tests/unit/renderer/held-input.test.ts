// @vitest-environment jsdom
import { act, createElement, useRef, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { useHeldInput, type Keys } from '../../../renderer/components/use-held-input';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const done: string[] = [];
let holdKey: (keys: Keys) => void = () => {};

/** A view with a button and a link; each render's handlers are named for the layer it shows. */
function View({ layer, busy }: { layer: string; busy: boolean }): ReactElement {
  const view = useRef<HTMLDivElement>(null);
  holdKey = useHeldInput(view, busy, (keys) => done.push(`${keys.key} on ${layer}`));
  return createElement(
    'div',
    { ref: view },
    createElement('button', { type: 'button', onClick: () => done.push(`press on ${layer}`) }, 'Delete'),
    createElement('a', { href: '#/map', onClick: (e: { preventDefault: () => void }) => (e.preventDefault(), done.push('link')) }, 'Map'),
    createElement('textarea', {
      onKeyDown: (e: { key: string; ctrlKey: boolean }) => e.key === 'Enter' && e.ctrlKey && done.push(`reply on ${layer}`),
    }),
  );
}

const key = (k: string): Keys => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false });

function mount() {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  const render = (layer: string, busy: boolean) => act(() => root.render(createElement(View, { layer, busy })));
  const click = (selector: string) => act(() => host.querySelector<HTMLElement>(selector)!.click());
  const send = () => act(() => void host.querySelector('textarea')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true })));
  return { render, click, send, unmount: () => act(() => root.unmount()) };
}

afterEach(() => {
  done.length = 0;
  document.body.innerHTML = '';
});

describe('input held while the view hands over to a new layer', () => {
  it('acts at once when not busy', async () => {
    const view = mount();
    await view.render('mine', false);
    await view.click('button');
    await view.send();
    expect(done).toEqual(['press on mine', 'reply on mine']);
    await view.unmount();
  });

  it('holds button presses and command keys while busy, then replays them once, in order, on the new layer’s handlers', async () => {
    const view = mount();
    await view.render('mine', false);
    await view.render('mine', true); // the team is made: the team's layer is being read
    await view.click('button');
    holdKey(key('1'));
    await view.send(); // Ctrl+Enter in a reply
    await view.click('a'); // a link is not held: reading and moving about go on
    expect(done).toEqual(['link']);
    await view.render('team', false); // the team's layer is in
    expect(done).toEqual(['link', 'press on team', '1 on team', 'reply on team']);
    await view.render('team', false);
    expect(done).toHaveLength(4); // never twice
    await view.unmount();
  });

  it('drops what was held when the view is gone before the new layer came', async () => {
    const view = mount();
    await view.render('mine', true);
    await view.click('button');
    holdKey(key('1'));
    await view.unmount();
    expect(done).toEqual([]);
  });
});
