/**
 * The command palette (Ctrl-K / Cmd-K, menu "Search"): a modal combobox. Typing runs a
 * debounced `search.global`; results are grouped by type, with the static commands.
 * Arrow keys move the active option (aria-activedescendant), Enter opens it, Escape closes.
 */
import type { SearchHit } from '@flowstage/shared';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../i18n/errors';
import { useI18n } from '../i18n/I18nProvider';
import { useDebouncedValue } from '../lib/useDebouncedValue';
import { useRpc } from '../rpc/react';
import { buildGroups, flatten, moveActive, type PaletteOption } from './commands';
import { usePaletteT } from './messages';
import './palette.css';

export const SEARCH_DEBOUNCE_MS = 150;

export function Palette({ onClose, onChoose }: { onClose(): void; onChoose(option: PaletteOption): void }) {
  const rpc = useRpc();
  const i18n = useI18n();
  const pt = usePaletteT();
  const ids = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const [input, setInput] = useState('');
  const query = useDebouncedValue(input.trim(), SEARCH_DEBOUNCE_MS);
  const [hits, setHits] = useState<{ query: string; hits: SearchHit[] }>({ query: '', hits: [] });
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(0);

  useEffect(() => {
    const el = dialogRef.current;
    if (el && !el.open) el.showModal();
  }, []);

  useEffect(() => {
    if (query === '') {
      setHits({ query: '', hits: [] });
      setError(null);
      return;
    }
    let live = true;
    rpc.call('search.global', { query, limit: 30 }).then(
      (result) => {
        if (!live) return;
        setHits({ query, hits: result });
        setError(null);
      },
      (err: unknown) => {
        if (live) setError(errorMessage(i18n, err));
      },
    );
    return () => {
      live = false;
    };
  }, [rpc, query, i18n]);

  const searching = input.trim() !== '' && hits.query !== input.trim();
  const groups = useMemo(() => buildGroups(input, hits.hits, pt), [input, hits, pt]);
  const options = useMemo(() => flatten(groups), [groups]);
  const activeIndex = Math.min(active, Math.max(options.length - 1, 0));
  const activeOption = options[activeIndex];
  const optionId = (option: PaletteOption) => `${ids}-opt-${option.key}`;

  useEffect(() => {
    const el = activeOption ? document.getElementById(optionId(activeOption)) : null;
    el?.scrollIntoView?.({ block: 'nearest' });
  });

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
      return;
    }
    if (event.key === 'Enter') {
      event.preventDefault();
      if (activeOption && !searching) onChoose(activeOption);
      return;
    }
    if (event.key === 'Home' || event.key === 'End') return; // keep caret keys in the field
    const next = moveActive(event.key, activeIndex, options.length);
    if (next !== null) {
      event.preventDefault();
      setActive(next);
    }
  };

  let status: string | null = null;
  if (error) status = pt('error', { message: error });
  else if (searching) status = pt('searching');
  else if (options.length === 0) status = pt('empty');

  return (
    <dialog
      ref={dialogRef}
      className="dialog palette"
      aria-label={pt('title')}
      data-testid="palette"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <input
        className="input palette-input"
        type="text"
        role="combobox"
        aria-label={pt('title')}
        aria-expanded={options.length > 0}
        aria-controls={`${ids}-list`}
        aria-autocomplete="list"
        aria-activedescendant={activeOption ? optionId(activeOption) : undefined}
        placeholder={pt('placeholder')}
        autoComplete="off"
        spellCheck={false}
        autoFocus
        value={input}
        onChange={(event) => {
          setInput(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        data-testid="palette-input"
      />
      <div
        ref={listRef}
        id={`${ids}-list`}
        role="listbox"
        aria-label={pt('results')}
        className="palette-list"
        data-testid="palette-list"
        aria-busy={searching}
      >
        {groups.map((group) => (
          // biome-ignore lint/a11y/useSemanticElements: an ARIA listbox group, not a form fieldset
          <div key={group.id} role="group" aria-labelledby={`${ids}-g-${group.id}`} className="palette-group">
            <div id={`${ids}-g-${group.id}`} role="presentation" className="palette-group-label">
              {pt(`group.${group.id}`)}
            </div>
            {group.options.map((option) => {
              const selected = option === activeOption;
              return (
                // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input handles the keyboard
                <div
                  key={option.key}
                  id={optionId(option)}
                  role="option"
                  tabIndex={-1}
                  aria-selected={selected}
                  className={`palette-option${selected ? ' palette-option-active' : ''}`}
                  data-testid="palette-option"
                  data-key={option.key}
                  onMouseMove={() => setActive(options.indexOf(option))}
                  onClick={() => onChoose(option)}
                >
                  <span className="palette-title">
                    {option.type === 'hit' ? option.hit.title : option.title}
                  </span>
                  {option.type === 'hit' && option.hit.subtitle ? (
                    <span className="palette-subtitle">{option.hit.subtitle}</span>
                  ) : null}
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <p className="palette-status muted" role="status" data-testid="palette-status">
        {status ?? pt('hint')}
      </p>
    </dialog>
  );
}
