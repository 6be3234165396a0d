// The header bar of the dashboard's pages: its logout ends the webapps' session as Tasklist's own
// logout does (a POST carrying the session's CSRF token), then shows Tasklist's login.
(function () {
  'use strict';
  var logout = document.getElementById('logout');
  if (!logout) {
    return;
  }
  logout.addEventListener('click', function () {
    logout.disabled = true;
    fetch(logout.dataset.logout, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'X-XSRF-TOKEN': logout.dataset.token }
    }).finally(function () {
      window.location.href = logout.dataset.then;
    });
  });
})();
