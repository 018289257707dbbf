import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ServiceId } from '../../core/catalog/index.ts';
import { moveAlternative, setAlternativeEnabled, type AlternativeChoice } from '../../core/settings/index.ts';
import { alternativeName, t } from '../components/i18n.ts';

/** The controls of a row that can hold the focus, by their data-control name. */
type Control = 'enabled' | 'up' | 'down';

interface Props {
  readonly service: ServiceId;
  readonly items: readonly AlternativeChoice[];
  readonly disabled: boolean;
  readonly onChange: (items: AlternativeChoice[]) => void;
  /** Says something to screen readers (the page's one live region). */
  readonly announce: (text: string) => void;
}

interface Drag {
  readonly id: string;
  readonly pointerId: number;
  /** The order as it looks while dragging; saved on release. */
  readonly order: AlternativeChoice[];
}

/**
 * A service's alternatives: each on or off, in the user's order. Reordered with the mouse (pointer
 * events on the grip, so it works alike in Chrome and Firefox, and with touch), or with the keyboard
 * (the "up"/"down" buttons, or Alt+ArrowUp/Down anywhere in a row): the focus stays on the moved
 * alternative and the new place is announced.
 */
export function AlternativeList({ service, items, disabled, onChange, announce }: Props) {
  const list = useRef<HTMLOListElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  /** Where the focus belongs once the list shows the moved alternative at its new index. */
  const refocus = useRef<{ readonly id: string; readonly control: Control; readonly index: number } | null>(null);
  const shown = drag?.order ?? items;

  useLayoutEffect(() => {
    const wanted = refocus.current;
    if (!wanted || !list.current || shown[wanted.index]?.id !== wanted.id) return;
    refocus.current = null;
    const row = list.current.querySelector(`li[data-alternative="${wanted.id}"]`);
    // At the top the "up" button is disabled: the focus goes to "down", and the other way round.
    const order: Control[] = wanted.control === 'up' ? ['up', 'down', 'enabled'] : wanted.control === 'down' ? ['down', 'up', 'enabled'] : ['enabled'];
    const target = order.map((control) => row?.querySelector<HTMLInputElement | HTMLButtonElement>(`[data-control="${control}"]`)).find((element) => element && !element.disabled);
    if (target && document.activeElement !== target) target.focus();
  });

  function announceMove(id: string, index: number, count: number): void {
    announce(t('optionsMoved', [alternativeName(id), String(index + 1), String(count)]));
  }

  function move(id: string, by: number, control: Control): void {
    const from = items.findIndex((item) => item.id === id);
    const to = from + by;
    if (from < 0 || to < 0 || to >= items.length) return;
    refocus.current = { id, control, index: to };
    onChange(moveAlternative(items, id, to));
    announceMove(id, to, items.length);
  }

  function onKeyDown(event: KeyboardEvent, id: string): void {
    if (disabled || !event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const control = ((event.target as HTMLElement).dataset.control ?? 'enabled') as Control;
    move(id, event.key === 'ArrowUp' ? -1 : 1, control);
  }

  function startDrag(event: PointerEvent, id: string): void {
    if (disabled || event.button !== 0 || !list.current) return;
    // No text selection, no native drag of the row's text: this pointer now moves the row.
    event.preventDefault();
    // The list, not the row, holds the capture: rows move in the DOM while dragging.
    list.current.setPointerCapture(event.pointerId);
    setDrag({ id, pointerId: event.pointerId, order: [...items] });
  }

  function dragTo(event: PointerEvent): void {
    if (!drag || event.pointerId !== drag.pointerId || !list.current) return;
    const rows = [...list.current.children] as HTMLElement[];
    // The row under the pointer (rows are as tall as each other, so a swap lands the pointer on the dragged row).
    const under = rows.findIndex((row) => event.clientY < row.getBoundingClientRect().bottom);
    const target = under < 0 ? rows.length - 1 : under;
    const from = drag.order.findIndex((item) => item.id === drag.id);
    if (target !== from) setDrag({ ...drag, order: moveAlternative(drag.order, drag.id, target) });
  }

  function endDrag(event: PointerEvent): void {
    if (!drag || event.pointerId !== drag.pointerId) return;
    setDrag(null);
    const to = drag.order.findIndex((item) => item.id === drag.id);
    if (to === items.findIndex((item) => item.id === drag.id)) return;
    onChange(drag.order);
    announceMove(drag.id, to, drag.order.length);
  }

  const hint = `alternatives-hint-${service}`;
  return (
    <div class="alternatives-editor">
      <p id={hint} class="muted">
        {t('optionsAlternativesHint')}
      </p>
      <ol
        class="alt-list"
        ref={list}
        data-testid={`alternatives-${service}`}
        aria-label={t('optionsAlternativesLabel')}
        onPointerMove={dragTo}
        onPointerUp={endDrag}
        onPointerCancel={() => setDrag(null)}
      >
        {shown.map((item, index) => {
          const name = alternativeName(item.id);
          return (
            <li key={item.id} data-alternative={item.id} class={`alt-row${drag?.id === item.id ? ' dragging' : ''}${item.enabled ? '' : ' off'}`} onKeyDown={(event) => onKeyDown(event, item.id)}>
              <span class="grip" aria-hidden="true" title={t('optionsDragHint')} data-testid="grip" onPointerDown={(event) => startDrag(event, item.id)}>
                ⠿
              </span>
              <label class="choice alt-name">
                <input
                  type="checkbox"
                  data-control="enabled"
                  checked={item.enabled}
                  disabled={disabled}
                  aria-describedby={hint}
                  onChange={(event) => onChange(setAlternativeEnabled(items, item.id, event.currentTarget.checked))}
                />
                {name}
              </label>
              <button type="button" class="move" data-control="up" aria-label={t('optionsMoveUp', name)} disabled={disabled || index === 0} onClick={() => move(item.id, -1, 'up')}>
                {t('optionsUp')}
              </button>
              <button type="button" class="move" data-control="down" aria-label={t('optionsMoveDown', name)} disabled={disabled || index === shown.length - 1} onClick={() => move(item.id, 1, 'down')}>
                {t('optionsDown')}
              </button>
            </li>
          );
        })}
      </ol>
      {shown.every((item) => !item.enabled) && (
        <p class="warn" data-testid={`alternatives-none-${service}`}>
          {t('optionsNoAlternatives')}
        </p>
      )}
    </div>
  );
}
