/**
 * The reader comments island, loaded by the article page only when the reader asks for the
 * comments. Plain DOM: every piece of user text goes into text nodes, links are built as
 * elements, nothing is parsed as HTML. It talks to the comment service with the reader's
 * cookie (`credentials: 'include'`); the service decides everything, the island only shows it.
 */

const texts = {
  pl: {
    loading: 'Wczytywanie komentarzy…',
    loadFailed: 'Nie udało się wczytać komentarzy. Spróbuj ponownie później.',
    none: 'Nie ma jeszcze komentarzy. Bądź pierwszy!',
    older: 'Pokaż starsze komentarze',
    pending: 'Czeka na moderację',
    edited: 'edytowany',
    deletedAuthor: 'Konto usunięte',
    reply: 'Odpowiedz',
    replyTo: (name: string) => `Odpowiedź dla: ${name}`,
    edit: 'Edytuj',
    save: 'Zapisz',
    cancel: 'Anuluj',
    report: 'Zgłoś nadużycie',
    reported: 'Dziękujemy, moderatorzy sprawdzą ten komentarz.',
    yourComment: 'Twój komentarz',
    send: 'Wyślij komentarz',
    sent: 'Komentarz opublikowany.',
    sentPending: 'Dziękujemy! Komentarz pojawi się po zatwierdzeniu przez moderatora.',
    saved: 'Zmiany zapisane.',
    closed: 'Dyskusja pod tym artykułem jest zamknięta.',
    off: 'Komentarze pod tym artykułem są wyłączone.',
    signedInAs: 'Zalogowano jako',
    account: 'Moje konto',
    logout: 'Wyloguj się',
    loggedOut: 'Wylogowano.',
    login: 'Logowanie',
    email: 'E-mail',
    password: 'Hasło',
    loginButton: 'Zaloguj się',
    forgot: 'Nie pamiętasz hasła?',
    invite: 'Nie masz jeszcze konta? Zachęcamy do założenia konta. Rejestracja zajmie Ci tylko chwilę.',
    register: 'Zarejestruj się',
    registration: 'Rejestracja',
    displayName: 'Nazwa wyświetlana przy komentarzach',
    newPassword: 'Hasło (co najmniej 8 znaków)',
    registered: (email: string) =>
      `Konto założone. Wysłaliśmy wiadomość na adres ${email}: kliknij odnośnik, aby potwierdzić adres, a potem się zaloguj.`,
    resetTitle: 'Nowe hasło',
    resetSend: 'Wyślij odnośnik',
    resetSent: 'Jeśli konto z tym adresem istnieje, wysłaliśmy na nie odnośnik do ustawienia nowego hasła.',
    back: 'Wróć do logowania',
    nameSave: 'Zmień nazwę',
    nameSaved: 'Nazwa zmieniona.',
    download: 'Pobierz moje dane (JSON)',
    deleteTitle: 'Usuń konto',
    deleteKeep: 'Zanonimizuj moje komentarze (zostaną bez mojej nazwy)',
    deleteAll: 'Usuń moje komentarze',
    deleteWhat: 'Co zrobić z Twoimi komentarzami?',
    deleteButton: 'Usuń konto na zawsze',
    deleted: 'Konto usunięte.',
    close: 'Zamknij',
    failed: 'Nie udało się. Spróbuj ponownie.',
    website: 'Nie wypełniaj tego pola',
  },
  en: {
    loading: 'Loading comments…',
    loadFailed: 'The comments could not be loaded. Try again later.',
    none: 'No comments yet. Be the first!',
    older: 'Show older comments',
    pending: 'Awaiting moderation',
    edited: 'edited',
    deletedAuthor: 'Deleted account',
    reply: 'Reply',
    replyTo: (name: string) => `Reply to ${name}`,
    edit: 'Edit',
    save: 'Save',
    cancel: 'Cancel',
    report: 'Report abuse',
    reported: 'Thank you, the moderators will look at this comment.',
    yourComment: 'Your comment',
    send: 'Post comment',
    sent: 'Comment published.',
    sentPending: 'Thank you! Your comment will appear once a moderator approves it.',
    saved: 'Changes saved.',
    closed: 'This discussion is closed.',
    off: 'Comments are turned off for this article.',
    signedInAs: 'Logged in as',
    account: 'My account',
    logout: 'Log out',
    loggedOut: 'Logged out.',
    login: 'Log in',
    email: 'E-mail',
    password: 'Password',
    loginButton: 'Log in',
    forgot: 'Forgot your password?',
    invite: "Don't have an account yet? Creating one takes only a moment.",
    register: 'Sign up',
    registration: 'Sign up',
    displayName: 'Name shown with your comments',
    newPassword: 'Password (at least 8 characters)',
    registered: (email: string) => `Account created. We sent a message to ${email}: follow its link to confirm the address, then log in.`,
    resetTitle: 'New password',
    resetSend: 'Send the link',
    resetSent: 'If an account with this address exists, we sent it a link to set a new password.',
    back: 'Back to log in',
    nameSave: 'Change name',
    nameSaved: 'Name changed.',
    download: 'Download my data (JSON)',
    deleteTitle: 'Delete account',
    deleteKeep: 'Anonymise my comments (they stay without my name)',
    deleteAll: 'Delete my comments',
    deleteWhat: 'What happens to your comments?',
    deleteButton: 'Delete my account for good',
    deleted: 'Account deleted.',
    close: 'Close',
    failed: 'That did not work. Please try again.',
    website: 'Leave this field empty',
  },
};
type Texts = (typeof texts)['pl'];

interface CommentView {
  id: string;
  parent: string | null;
  author: string | null;
  date: string;
  edited: string | null;
  text: string;
  pending: boolean;
  mine: boolean;
  editable: boolean;
  replies?: CommentView[];
}

interface Thread {
  state: 'open' | 'off' | 'closed';
  count: number;
  maxLength: number;
  hasMore: boolean;
  viewer: { name: string; email: string; moderator: boolean } | null;
  comments: CommentView[];
}

type Child = Node | string | false | null | undefined;

/** Builds an element; attributes are set as attributes, children as nodes or text. */
function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]'"]/g;

/** Paragraphs of plain text with http(s) addresses as links; no markup is interpreted. */
export function renderText(text: string): HTMLElement[] {
  return text.split(/\n{2,}/).map((paragraph) => {
    const p = h('p');
    const lines = paragraph.split('\n');
    lines.forEach((line, index) => {
      if (index > 0) p.append(h('br'));
      let last = 0;
      for (const match of line.matchAll(URL_PATTERN)) {
        p.append(line.slice(last, match.index));
        p.append(h('a', { href: match[0], rel: 'nofollow ugc noopener', target: '_blank' }, match[0]));
        last = match.index + match[0].length;
      }
      p.append(line.slice(last));
    });
    return p;
  });
}

let fieldCounter = 0;
function field(
  label: string,
  attributes: Record<string, string | boolean>,
  multiline = false,
): { wrapper: HTMLElement; input: HTMLInputElement | HTMLTextAreaElement } {
  fieldCounter += 1;
  const id = `komentarze-pole-${fieldCounter}`;
  const input = multiline ? h('textarea', { id, rows: '5', ...attributes }) : h('input', { id, ...attributes });
  return { wrapper: h('div', { class: 'comments__field' }, h('label', { for: id }, label), input), input };
}

/** Mounts the island into the comments section of an article page. */
export async function mount(section: HTMLElement): Promise<void> {
  const api = section.dataset['api'] ?? '';
  const article = section.dataset['article'] ?? '';
  // Where the confirmation e-mail leads back to: this page, wherever the site is served from.
  const returnUrl = `${location.origin}${location.pathname}`;
  const t: Texts = section.dataset['lang'] === 'en' ? texts.en : texts.pl;
  const locale = section.dataset['lang'] === 'en' ? 'en-GB' : 'pl-PL';

  const status = h('p', { class: 'comments__status', role: 'status' });
  const alert = h('p', { class: 'comments__error', role: 'alert' });
  const account = h('div', { class: 'comments__account' });
  const list = h('ol', { class: 'comments__list' });
  const more = h('div');
  const app = h('div', { class: 'comments__app' }, status, alert, account, list, more);
  section.querySelector('[data-comments-island]')?.replaceChildren(app);

  let thread: Thread | undefined;
  let page = 0;

  const say = (message: string) => {
    alert.textContent = '';
    status.textContent = message;
  };
  const fail = (message: string) => {
    status.textContent = '';
    alert.textContent = message;
  };

  async function call(path: string, method = 'GET', body?: unknown): Promise<{ ok: boolean; data: Record<string, unknown> }> {
    try {
      const response = await fetch(`${api}${path}`, {
        method,
        credentials: 'include',
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const data = (await response.json().catch(() => ({}))) as Record<string, unknown>;
      return { ok: response.ok, data };
    } catch {
      return { ok: false, data: { error: t.failed } };
    }
  }
  const errorOf = (data: Record<string, unknown>) => (typeof data['error'] === 'string' ? data['error'] : t.failed);

  function form(onSubmit: (form: HTMLFormElement) => Promise<void>, ...children: Child[]): HTMLFormElement {
    const element = h('form', { class: 'comments__form', novalidate: false }, ...children);
    element.addEventListener('submit', (event) => {
      event.preventDefault();
      const button = element.querySelector('button[type=submit]');
      if (button instanceof HTMLButtonElement) button.disabled = true;
      void onSubmit(element).finally(() => {
        if (button instanceof HTMLButtonElement) button.disabled = false;
      });
    });
    return element;
  }

  const button = (label: string, onClick: () => void, className = 'comments__button') => {
    const element = h('button', { type: 'button', class: className }, label);
    element.addEventListener('click', onClick);
    return element;
  };

  function commentForm(parent: CommentView | undefined, onDone: () => void): HTMLFormElement {
    const text = field(
      parent ? t.replyTo(parent.author ?? t.deletedAuthor) : t.yourComment,
      { name: 'text', required: true, maxlength: String(thread?.maxLength ?? 5000) },
      true,
    );
    // The honeypot: hidden from people and from assistive technology, filled in by bots.
    const trap = h(
      'div',
      { class: 'comments__trap', 'aria-hidden': 'true' },
      h('label', {}, t.website, h('input', { name: 'website', tabindex: '-1', autocomplete: 'off' })),
    );
    const element = form(
      async (formElement) => {
        const website = (formElement.elements.namedItem('website') as HTMLInputElement).value;
        const result = await call('/api/comments', 'POST', { article, parent: parent?.id, text: text.input.value, website });
        if (!result.ok) {
          fail(errorOf(result.data));
          return;
        }
        text.input.value = '';
        onDone();
        await load(false);
        say(result.data['pending'] ? t.sentPending : t.sent);
      },
      text.wrapper,
      trap,
      h(
        'div',
        { class: 'comments__actions' },
        h('button', { type: 'submit', class: 'comments__button comments__button--primary' }, t.send),
        parent && button(t.cancel, onDone),
      ),
    );
    return element;
  }

  function renderComment(comment: CommentView, topLevel: boolean): HTMLLIElement {
    const author = comment.author ?? t.deletedAuthor;
    const date = new Date(comment.date);
    const body = h('div', { class: 'comments__text' }, ...renderText(comment.text));
    const actions = h('div', { class: 'comments__actions' });
    const item = h(
      'li',
      { class: 'comments__item', id: `komentarz-${comment.id}` },
      h(
        'article',
        { 'aria-label': `${author}, ${date.toLocaleString(locale)}` },
        h(
          'header',
          { class: 'comments__meta' },
          h('strong', {}, author),
          ' ',
          h('time', { datetime: comment.date }, date.toLocaleString(locale, { dateStyle: 'long', timeStyle: 'short' })),
          comment.edited && ` (${t.edited})`,
          comment.pending && h('span', { class: 'comments__badge' }, t.pending),
        ),
        body,
        actions,
      ),
    );
    const viewer = thread?.viewer;
    if (viewer && thread?.state === 'open' && topLevel && !comment.pending) {
      const replyButton = button(t.reply, () => {
        replyButton.hidden = true;
        const replyForm = commentForm(comment, () => {
          replyForm.remove();
          replyButton.hidden = false;
          replyButton.focus();
        });
        actions.after(replyForm);
        replyForm.querySelector('textarea')?.focus();
      });
      actions.append(replyButton);
    }
    if (comment.editable) {
      const editButton = button(t.edit, () => {
        const text = field(t.edit, { name: 'text', required: true, maxlength: String(thread?.maxLength ?? 5000) }, true);
        text.input.value = comment.text;
        const editForm = form(
          async () => {
            const result = await call(`/api/comments/${encodeURIComponent(comment.id)}`, 'PATCH', { text: text.input.value });
            if (!result.ok) {
              fail(errorOf(result.data));
              return;
            }
            await load(false);
            say(t.saved);
          },
          text.wrapper,
          h(
            'div',
            { class: 'comments__actions' },
            h('button', { type: 'submit', class: 'comments__button comments__button--primary' }, t.save),
            button(t.cancel, () => {
              editForm.replaceWith(body);
              actions.hidden = false;
              editButton.focus();
            }),
          ),
        );
        body.replaceWith(editForm);
        actions.hidden = true;
        text.input.focus();
      });
      actions.append(editButton);
    }
    if (viewer && !comment.mine && !comment.pending) {
      const reportButton = button(t.report, () => {
        void call(`/api/comments/${encodeURIComponent(comment.id)}/report`, 'POST', {}).then((result) => {
          if (!result.ok) {
            fail(errorOf(result.data));
            return;
          }
          reportButton.disabled = true;
          say(t.reported);
        });
      });
      actions.append(reportButton);
    }
    if (comment.replies?.length)
      item.append(h('ol', { class: 'comments__replies' }, ...comment.replies.map((reply) => renderComment(reply, false))));
    return item;
  }

  function renderAccount() {
    const viewer = thread?.viewer;
    if (!viewer) {
      renderLogin();
      return;
    }
    const parts: Child[] = [
      h('p', {}, `${t.signedInAs} `, h('strong', {}, viewer.name), ` (${viewer.email})`),
      h(
        'div',
        { class: 'comments__actions' },
        button(t.account, () => renderProfile()),
        button(t.logout, () => {
          void call('/api/auth/sign-out', 'POST', {}).then(async (result) => {
            if (!result.ok) {
              fail(errorOf(result.data));
              return;
            }
            await load(false);
            say(t.loggedOut);
          });
        }),
      ),
    ];
    if (thread?.state === 'open') parts.push(commentForm(undefined, () => undefined));
    else parts.push(h('p', {}, thread?.state === 'closed' ? t.closed : t.off));
    account.replaceChildren(...parts.filter((part): part is Node | string => Boolean(part)));
  }

  function renderLogin() {
    const email = field(t.email, { type: 'email', name: 'email', autocomplete: 'username', required: true });
    const password = field(t.password, { type: 'password', name: 'password', autocomplete: 'current-password', required: true });
    const login = form(
      async () => {
        const result = await call('/api/auth/sign-in/email', 'POST', { email: email.input.value, password: password.input.value });
        if (!result.ok) {
          fail(errorOf(result.data));
          return;
        }
        await load(false);
        say(`${t.signedInAs} ${thread?.viewer?.name ?? ''}`);
      },
      email.wrapper,
      password.wrapper,
      h(
        'div',
        { class: 'comments__actions' },
        h('button', { type: 'submit', class: 'comments__button comments__button--primary' }, t.loginButton),
        button(t.forgot, renderReset, 'comments__link'),
      ),
    );
    account.replaceChildren(
      h('h3', {}, t.login),
      login,
      h('p', { class: 'comments__invite' }, `${t.invite} `, button(t.register, renderRegistration, 'comments__link')),
    );
  }

  function renderRegistration() {
    const name = field(t.displayName, { name: 'name', autocomplete: 'nickname', required: true, maxlength: '60' });
    const email = field(t.email, { type: 'email', name: 'email', autocomplete: 'email', required: true });
    const password = field(t.newPassword, {
      type: 'password',
      name: 'password',
      autocomplete: 'new-password',
      required: true,
      minlength: '8',
    });
    const registration = form(
      async () => {
        const result = await call('/api/auth/sign-up/email', 'POST', {
          name: name.input.value,
          email: email.input.value,
          password: password.input.value,
          callbackURL: `${returnUrl}#komentarze`,
        });
        if (!result.ok) {
          fail(errorOf(result.data));
          return;
        }
        renderLogin();
        say(t.registered(email.input.value));
      },
      name.wrapper,
      email.wrapper,
      password.wrapper,
      h(
        'div',
        { class: 'comments__actions' },
        h('button', { type: 'submit', class: 'comments__button comments__button--primary' }, t.register),
        button(t.back, renderLogin, 'comments__link'),
      ),
    );
    account.replaceChildren(h('h3', {}, t.registration), registration);
    name.input.focus();
  }

  function renderReset() {
    const email = field(t.email, { type: 'email', name: 'email', autocomplete: 'email', required: true });
    const reset = form(
      async () => {
        const result = await call('/api/auth/request-password-reset', 'POST', {
          email: email.input.value,
          redirectTo: `${api}/konto/nowe-haslo`,
        });
        if (!result.ok) {
          fail(errorOf(result.data));
          return;
        }
        renderLogin();
        say(t.resetSent);
      },
      email.wrapper,
      h(
        'div',
        { class: 'comments__actions' },
        h('button', { type: 'submit', class: 'comments__button comments__button--primary' }, t.resetSend),
        button(t.back, renderLogin, 'comments__link'),
      ),
    );
    account.replaceChildren(h('h3', {}, t.resetTitle), reset);
    email.input.focus();
  }

  function renderProfile() {
    const viewer = thread?.viewer;
    if (!viewer) {
      renderLogin();
      return;
    }
    const name = field(t.displayName, { name: 'name', autocomplete: 'nickname', required: true, maxlength: '60', value: viewer.name });
    const rename = form(
      async () => {
        const result = await call('/api/auth/update-user', 'POST', { name: name.input.value });
        if (!result.ok) {
          fail(errorOf(result.data));
          return;
        }
        await load(false);
        say(t.nameSaved);
      },
      name.wrapper,
      h('div', { class: 'comments__actions' }, h('button', { type: 'submit', class: 'comments__button' }, t.nameSave)),
    );
    const password = field(t.password, { type: 'password', name: 'password', autocomplete: 'current-password', required: true });
    const choice = (value: string, label: string, checked: boolean) =>
      h('label', { class: 'comments__choice' }, h('input', { type: 'radio', name: 'mode', value, required: true, checked }), ` ${label}`);
    const remove = form(
      async (formElement) => {
        const mode = (formElement.elements.namedItem('mode') as RadioNodeList).value;
        const result = await call('/api/account/delete', 'POST', { mode, password: password.input.value });
        if (!result.ok) {
          fail(errorOf(result.data));
          return;
        }
        await load(false);
        say(t.deleted);
      },
      h('fieldset', {}, h('legend', {}, t.deleteWhat), choice('anonymise', t.deleteKeep, true), choice('delete', t.deleteAll, false)),
      password.wrapper,
      h(
        'div',
        { class: 'comments__actions' },
        h('button', { type: 'submit', class: 'comments__button comments__button--danger' }, t.deleteButton),
      ),
    );
    const heading = h('h3', { tabindex: '-1' }, t.account);
    account.replaceChildren(
      heading,
      rename,
      h('p', {}, h('a', { href: `${api}/api/account/data`, download: 'komentarze-dane.json' }, t.download)),
      h('h4', {}, t.deleteTitle),
      remove,
      button(t.close, renderAccount, 'comments__link'),
    );
    heading.focus();
  }

  function renderList() {
    if (!thread) return;
    if (thread.comments.length === 0) list.replaceChildren(h('li', { class: 'comments__empty' }, t.none));
    else list.replaceChildren(...thread.comments.map((comment) => renderComment(comment, true)));
    more.replaceChildren(
      thread.hasMore
        ? button(t.older, () => {
            page += 1;
            void load(true);
          })
        : '',
    );
  }

  async function load(append: boolean) {
    if (!append) page = 0;
    const result = await call(`/api/comments?article=${encodeURIComponent(article)}&page=${page}`);
    if (!result.ok) {
      fail(typeof result.data['error'] === 'string' ? result.data['error'] : t.loadFailed);
      return;
    }
    const next = result.data as unknown as Thread;
    thread = append && thread ? { ...next, comments: [...thread.comments, ...next.comments] } : next;
    const heading = section.querySelector('[data-comments-count]');
    if (heading) heading.textContent = String(thread.count);
    renderAccount();
    renderList();
  }

  say(t.loading);
  await load(false);
  if (status.textContent === t.loading) status.textContent = '';
}
