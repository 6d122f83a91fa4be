import htmx from 'htmx.org';

window.htmx = htmx;

// a partial request that was sent to the login page means the session expired: go there with a note instead of
// swapping the login form into the page
document.addEventListener('htmx:beforeSwap', (event) => {
  const url = event.detail.xhr && event.detail.xhr.responseURL;
  if (url && new URL(url).pathname === '/login') {
    event.preventDefault();
    window.location.assign('/login?expired=1');
  }
});

// 跨站请求防护: every page form carries the browser's CSRF token ({#csrf /} in the template); htmx requests send it
// as a header, and a post form rendered without the field (a form added later) gets it on submit
function csrfToken() {
  const meta = document.querySelector('meta[name="csrf-token"]');
  return meta ? meta.getAttribute('content') : '';
}

document.addEventListener('htmx:configRequest', (event) => {
  event.detail.headers['X-CSRF-Token'] = csrfToken();
});

document.addEventListener('submit', (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && (form.method || '').toLowerCase() === 'post' && !form.elements.namedItem('csrf-token')) {
    const field = document.createElement('input');
    field.type = 'hidden';
    field.name = 'csrf-token';
    field.value = csrfToken();
    form.appendChild(field);
  }
}, true);

// a form that asks before it is sent (data-confirm="…") — instead of an inline onsubmit, which the CSP forbids
document.addEventListener('submit', (event) => {
  const message = event.target.getAttribute && event.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
