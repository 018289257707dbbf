import { useEffect, useRef, useState } from 'preact/hooks';
import type { AlternativeId } from '../../core/catalog/index.ts';
import { intentSubject, isAllowedLink, searchableAlternatives, searchLinks, type Platform, type Translation } from '../../core/translate/index.ts';
import { alternativeName, t } from '../components/i18n.ts';
import './search-field.css';

/**
 * The alternatives the fallback page offers a search field for, in the user's order: when the address
 * itself said nothing (an opaque id, an unknown place, a short link), those of the offered ones that can
 * take a typed search. Their "home page" rows would all look alike; the field replaces them.
 */
export function searchFieldAlternatives(translation: Translation | undefined, platform: Platform): AlternativeId[] {
  if (!translation || (translation.source !== 'none' && translation.source !== 'title')) return [];
  const order = translation.links.map((link) => link.alternative);
  return searchableAlternatives(translation.service, { order, platform });
}

interface Props {
  readonly translation: Translation;
  readonly alternatives: readonly AlternativeId[];
  readonly platform: Platform;
  /** Focus the text on arrival: the field is the page's first action when it is shown. */
  readonly autoFocus?: boolean;
  /** Where a built link goes; the page's own navigation unless a test says otherwise. */
  readonly open?: (url: string) => void;
}

/**
 * A search box filled with the best guess (the title of the page the user was on) or empty, and one
 * button per alternative: what the user types goes to the one they pick, through the same builders and
 * allow-list as every other link (core/translate searchLinks). Enter picks the first.
 */
export function SearchField({ translation, alternatives, platform, autoFocus = false, open = (url) => location.assign(url) }: Props) {
  const guess = translation.source === 'title' ? intentSubject(translation.intent) : '';
  const [text, setText] = useState(guess);
  const [empty, setEmpty] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const chosen = (event.submitter as HTMLButtonElement | null)?.value || alternatives[0];
    const link = searchLinks(translation.service, text, { order: alternatives, platform }).find((candidate) => candidate.alternative === chosen);
    setEmpty(!link);
    if (link && isAllowedLink(link.url)) open(link.url);
  };

  return (
    <section class="search-field" aria-labelledby="search-field-heading" data-testid="search-field">
      <h2 id="search-field-heading">{t('searchFieldLabel')}</h2>
      <p class="muted" id="search-field-hint">
        {guess ? t('searchFieldHintGuess') : t('searchFieldHintEmpty')}
      </p>
      <form onSubmit={submit as unknown as (event: Event) => void}>
        <input
          ref={input}
          type="search"
          value={text}
          aria-labelledby="search-field-heading"
          aria-describedby="search-field-hint"
          aria-invalid={empty}
          data-testid="search-text"
          onInput={(event) => {
            setText(event.currentTarget.value);
            setEmpty(false);
          }}
        />
        <span class="search-field-buttons">
          {alternatives.map((id, index) => (
            <button type="submit" class={index === 0 ? 'button' : 'button secondary'} name="alternative" value={id} data-alternative={id} key={id}>
              {t('searchFieldOn', alternativeName(id))}
            </button>
          ))}
        </span>
      </form>
      {empty && (
        <p class="warn" role="alert" data-testid="search-empty">
          {t('searchFieldNeedText')}
        </p>
      )}
    </section>
  );
}
