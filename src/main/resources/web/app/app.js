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

// buttons that act on the page without an inline onclick (the CSP forbids those):
// data-reload-image="<img id>" fetches the image anew; data-copy="<input id>" selects the field and copies its value
document.addEventListener('click', (event) => {
  const button = event.target.closest && event.target.closest('[data-reload-image],[data-copy]');
  if (!button) {
    return;
  }
  const image = document.getElementById(button.getAttribute('data-reload-image') || '');
  if (image) {
    const url = new URL(image.src, window.location.href);
    url.searchParams.set('t', Date.now());
    image.src = url.toString();
  }
  const field = document.getElementById(button.getAttribute('data-copy') || '');
  if (field) {
    field.select();
    if (navigator.clipboard) {
      navigator.clipboard.writeText(field.value);
    }
  }
});

// an image that failed to load is replaced by its <template> (data-fallback="<template id>"); error events do not
// bubble, so this listens in the capture phase
document.addEventListener('error', (event) => {
  const image = event.target;
  const fallback = image && image.getAttribute && document.getElementById(image.getAttribute('data-fallback') || '');
  if (fallback && fallback.content) {
    image.replaceWith(fallback.content.cloneNode(true));
  }
}, true);

// a link with data-open-details="<details id>" opens that <details> (e.g. 改类 offered next to the 立案 form)
document.addEventListener('click', (event) => {
  const link = event.target.closest && event.target.closest('[data-open-details]');
  const details = link && document.getElementById(link.getAttribute('data-open-details'));
  if (details) {
    details.open = true;
  }
});
