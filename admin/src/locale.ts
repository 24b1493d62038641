import en from 'decap-cms-locales/dist/esm/en';
import pl from 'decap-cms-locales/dist/esm/pl';

/** A Decap locale: nested objects of phrases, `%{name}` for interpolations. */
interface Phrases {
  [key: string]: string | Phrases;
}

/** `base` with `extra` laid over it, key by key at every depth. */
function merged(base: Phrases, extra: Phrases): Phrases {
  const result: Phrases = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const current = result[key];
    result[key] = typeof value === 'object' && typeof current === 'object' ? merged(current, value) : value;
  }
  return result;
}

/**
 * Phrases that the admin's Decap release uses but `decap-cms-locales` does not translate into
 * Polish (Decap falls back to printing the key, which reached the screen and screen readers),
 * and a few corrections of its Polish texts.
 */
const plAdditions: Phrases = {
  auth: { loginWithForgejo: 'Zaloguj przez Forgejo' },
  collection: {
    collectionTop: {
      viewAsList: 'Widok listy',
      viewAsGrid: 'Widok siatki',
      // Decap writes a full-width "＋" that the admin's fonts do not have (a missing-glyph box).
      newButton: '+ %{collectionLabel}',
    },
    entries: { unpublishedHeader: 'Nieopublikowane pozycje' },
  },
  editor: {
    editorControl: { field: { widgetLabel: 'Pole %{widgetLabel}' } },
    editorControlPane: {
      i18n: {
        copyFromLocale: 'Uzupełnij z innego języka',
        copyFromLocaleConfirm: 'Czy uzupełnić dane z wersji %{locale}?\nCała obecna treść zostanie zastąpiona.',
      },
    },
    editorInterface: { toggleNotes: 'Pokaż lub ukryj notatki' },
    editorNotesPane: {
      title: 'Notatki',
      emptyState: 'Nie ma jeszcze notatek. Dodaj pierwszą poniżej.',
      addNote: 'Dodaj notatkę',
      addPlaceholder: 'Dodaj notatkę…',
      editPlaceholder: 'Edytuj notatkę…',
      save: 'Zapisz',
      cancel: 'Anuluj',
      edit: 'Edytuj',
      delete: 'Usuń',
      resolve: 'Oznacz jako załatwioną',
      unresolve: 'Otwórz ponownie',
      confirmDelete: 'Czy na pewno usunąć tę notatkę?',
      shortcut: 'Wskazówka: Ctrl+Enter dodaje notatkę',
    },
    editorToolbar: {
      // Shown for an untouched entry too, a brand-new one included, where "Zmiany zapisane" is untrue.
      changesSaved: 'Brak zmian do zapisania',
    },
    editorWidgets: {
      markdown: {
        strikethrough: 'Przekreślenie',
        toggleMode: { rich: 'Przełącz na edytor wizualny', markdown: 'Przełącz na Markdown' },
      },
      image: { chooseMultiple: 'Wybierz obrazy', addMore: 'Dodaj więcej obrazów', removeAll: 'Usuń wszystkie obrazy' },
      file: { chooseMultiple: 'Wybierz pliki', addMore: 'Dodaj więcej plików', removeAll: 'Usuń wszystkie pliki' },
      datetime: { setToNow: 'Ustaw pole %{fieldLabel} na teraz' },
      object: { expand: 'Rozwiń', collapse: 'Zwiń' },
    },
  },
  mediaLibrary: { mediaLibraryModal: { close: 'Zamknij' } },
  ui: {
    settingsDropdown: { account: 'Menu konta' },
    toast: {
      noteAdded: 'Dodano notatkę',
      onFailToAddNote: 'Nie udało się dodać notatki: %{details}',
      noteUpdated: 'Zaktualizowano notatkę',
      onFailToUpdateNote: 'Nie udało się zaktualizować notatki: %{details}',
      noteDeleted: 'Usunięto notatkę',
      onFailToDeleteNote: 'Nie udało się usunąć notatki: %{details}',
      noteResolved: 'Notatka załatwiona',
      noteReopened: 'Notatka otwarta ponownie',
      onFailToToggleNote: 'Nie udało się zmienić stanu notatki: %{details}',
    },
  },
};

/** The Polish admin: Decap's Polish phrases, completed and corrected. */
export const plLocale = merged(pl as Phrases, plAdditions);

/** The English admin: Decap's English phrases (complete for this release; the unit test checks it). */
export const enLocale = en as Phrases;

/** Every phrase key of a locale, dotted (`editor.editorWidgets.object.expand`). */
export function phraseKeys(phrases: Phrases, prefix = ''): string[] {
  return Object.entries(phrases).flatMap(([key, value]) =>
    typeof value === 'object' ? phraseKeys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}
