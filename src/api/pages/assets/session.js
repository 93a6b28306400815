/**
 * What the audit page and the report page share (src/api/pages/README.md), loaded by both from
 * /pages/session.js: the DOM helpers, the sign-in with a pasted bearer token kept in this tab's
 * sessionStorage (under each page's own key), `fetch` with the bearer header, RFC 9457 problems as
 * readable messages, and downloads saved from a Blob. No framework and no build step. Every value
 * from the server is put on the page as text (textContent / attributes), never as HTML.
 */

export const $ = (id) => {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`#${id} is missing from the page`);
  return element;
};

/** Appends children (strings become text nodes) after setting attributes (on* become listeners). */
export const build = (element, attributes, children) => {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(...children.flat().filter((child) => child !== null && child !== undefined));
  return element;
};

/** An element with attributes (or listeners for on*) and children (strings become text nodes). */
export const el = (tag, attributes = {}, ...children) => build(document.createElement(tag), attributes, children);

export const text = (value) => (value === undefined || value === null || value === '' ? '—' : String(value));

/** A term and its value in a <dl>; `id` names the value. */
export const fact = (term, value, id) => [el('dt', {}, term), el('dd', id ? { id } : {}, value)];

/** Chinese first, then the English in a <span lang="en">. */
const bilingual = (zh, en) => [`${zh} `, el('span', { lang: 'en' }, en)];

// ---------------------------------------------------------------------------------------------
// Messages and problems

export const showMessage = (message, kind = 'error') => {
  const box = $('message');
  box.replaceChildren(...(Array.isArray(message) ? message : [message]));
  box.className = kind === 'error' ? 'message' : 'message info';
  box.hidden = false;
};
export const clearMessage = () => {
  $('message').hidden = true;
  $('message').replaceChildren();
};

/** An answer that is not 2xx, with its RFC 9457 problem when there is one. */
export class ProblemError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** What a message starts with, by status (any other: 错误 Error); a page may add its own. */
const LEADS = {
  401: '令牌无效或已过期 Token invalid or expired',
  403: '无权查看 Not allowed',
  404: '未找到 Not found',
};

/**
 * A failed request as parts of a message: the lead for its status (LEADS and the page's `leads`),
 * the problem's title, detail, status and code, then what `more(problem)` adds (a page's own: the
 * rule, the errors[] entries).
 */
const describeProblem = (error, { leads = {}, more = () => [] } = {}) => {
  if (!(error instanceof ProblemError)) {
    return [el('strong', {}, '请求失败 Request failed: '), String(error?.message ?? error)];
  }
  const p = error.problem ?? {};
  const lead = leads[error.status] ?? LEADS[error.status] ?? '错误 Error';
  const parts = [el('strong', {}, `${lead}: `), text(p.title ?? `HTTP ${error.status}`)];
  if (p.detail) parts.push(' — ', el('span', { class: 'problem-detail' }, String(p.detail)));
  parts.push(' ', el('code', { class: 'problem-code' }, `[${error.status}${p.code ? ` ${p.code}` : ''}]`));
  parts.push(...more(p));
  return parts;
};

// ---------------------------------------------------------------------------------------------
// The token

/** The payload of a JWT (not verified here: the server verifies it on every call). */
const tokenPayload = (token) => {
  const part = token.split('.')[1];
  if (part === undefined) throw new Error('not a JWT (header.payload.signature)');
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (c) => c.charCodeAt(0));
  const payload = JSON.parse(new TextDecoder().decode(bytes));
  if (typeof payload !== 'object' || payload === null || typeof payload.role !== 'string') {
    throw new Error('the token names no role');
  }
  return payload;
};

/** The day and minute in Asia/Shanghai of a time in milliseconds: '2026-08-05 18:00'. */
const shanghaiMinute = (time) => new Date(time + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/** The filename a Content-Disposition header gives, or null. */
const filenameOf = (disposition) => {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : null;
};

/** Who is signed in (in the header bar) and the sign-in form (first in <main>): the same on every page. */
const mountSignIn = () => {
  document
    .querySelector('header.bar')
    .append(
      el(
        'div',
        { id: 'who', class: 'who', hidden: true },
        el('span', {}, '当前身份 ', el('span', { lang: 'en' }, 'Signed in as'), ':'),
        el('strong', { id: 'who-name' }),
        el('span', { id: 'who-role', class: 'tag' }),
        el('span', { id: 'who-jurisdiction', class: 'tag' }),
        el('span', { id: 'who-expiry', class: 'muted' }),
        el('button', { type: 'button', id: 'sign-out' }, bilingual('退出', 'Sign out')),
      ),
    );
  document.querySelector('main').prepend(
    el(
      'section',
      { id: 'signin', 'aria-labelledby': 'signin-title' },
      el('h2', { id: 'signin-title' }, bilingual('登录', 'Sign in')),
      el(
        'form',
        { id: 'signin-form' },
        el('label', { for: 'token' }, bilingual('令牌', 'Bearer token')),
        el('textarea', {
          id: 'token',
          name: 'token',
          rows: 3,
          autocomplete: 'off',
          spellcheck: 'false',
          required: true,
        }),
        el(
          'p',
          { class: 'muted' },
          '令牌只保存在本标签页（sessionStorage）。',
          el('span', { lang: 'en' }, 'The token stays in this tab only (sessionStorage).'),
        ),
        el('button', { type: 'submit' }, bilingual('登录', 'Sign in')),
      ),
    ),
  );
};

/**
 * Puts the sign-in on the page and keeps the token in sessionStorage under `tokenKey` (this tab
 * only). `query`: the id of what is shown only to a signed-in reader; `onSignedOut()` hides the
 * page's views; `onSignIn()` runs once a token is accepted (e.g. open the address's fragment),
 * `onSignOut()` once it is forgotten (drop late answers); `problems`: the page's options of
 * describeProblem (its `leads`, its `more`), which the returned `describeProblem` and `download`
 * use. The page calls `renderWho()` when it starts.
 */
export const startSession = ({
  tokenKey,
  query,
  onSignedOut,
  onSignIn = () => {},
  onSignOut = () => {},
  problems = {},
}) => {
  mountSignIn();
  const describe = (error) => describeProblem(error, problems);

  const session = {
    get token() {
      return sessionStorage.getItem(tokenKey);
    },
    set token(value) {
      if (value === null) sessionStorage.removeItem(tokenKey);
      else sessionStorage.setItem(tokenKey, value);
    },
  };

  /** GET `path` with the token: its JSON, or the response itself when `raw`; a ProblemError if not 2xx. */
  const api = async (path, { raw = false } = {}) => {
    const token = session.token;
    if (token === null) throw new Error('not signed in');
    const response = await fetch(path, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    if (!response.ok) {
      let problem = null;
      try {
        problem = await response.json();
      } catch {
        // not JSON: the status alone
      }
      throw new ProblemError(response.status, problem);
    }
    return raw ? response : response.json();
  };

  /** A file fetched with the token and saved from a blob URL, under the name the server gives. */
  const download = async (path, { button, fallbackName }) => {
    button.disabled = true;
    try {
      const response = await api(path, { raw: true });
      const blob = await response.blob();
      const name = filenameOf(response.headers.get('content-disposition')) ?? fallbackName;
      const url = URL.createObjectURL(blob);
      const link = el('a', { href: url, download: name, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      showMessage(`已下载 Downloaded ${name} (${blob.size} bytes)`, 'info');
    } catch (error) {
      showMessage(describe(error));
    } finally {
      button.disabled = false;
    }
  };

  const renderWho = () => {
    const token = session.token;
    let payload = null;
    if (token !== null) {
      try {
        payload = tokenPayload(token);
      } catch {
        session.token = null;
      }
    }
    const signedIn = payload !== null;
    $('signin').hidden = signedIn;
    $(query).hidden = !signedIn;
    $('who').hidden = !signedIn;
    if (!signedIn) {
      onSignedOut();
      return;
    }
    $('who-name').textContent = text(payload.name ?? payload.sub);
    $('who-role').textContent = text(payload.role);
    $('who-jurisdiction').textContent = text(payload.jurisdiction);
    const expired = typeof payload.exp === 'number' && payload.exp * 1000 < Date.now();
    $('who-expiry').textContent =
      typeof payload.exp === 'number'
        ? `${expired ? '已过期 expired' : '有效至 valid until'} ${shanghaiMinute(payload.exp * 1000)}`
        : '';
  };

  $('signin-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const token = $('token')
      .value.trim()
      .replace(/^Bearer\s+/i, '');
    try {
      tokenPayload(token);
    } catch (error) {
      showMessage([el('strong', {}, '令牌无法读取 Unreadable token: '), error.message]);
      return;
    }
    session.token = token;
    $('token').value = '';
    clearMessage();
    renderWho();
    onSignIn();
  });
  $('sign-out').addEventListener('click', () => {
    session.token = null;
    onSignOut();
    clearMessage();
    renderWho();
  });

  return { session, api, download, renderWho, describeProblem: describe };
};
