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
