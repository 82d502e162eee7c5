// A running payment run's page: moves the progress bar along without reloading the page, and
// says when the run has finished, with a link to its results. Without JavaScript the page has a
// "Check now" link instead; nothing refreshes on a timer by itself.
(function () {
  var bar = document.getElementById('run-progress');
  if (!bar || !window.fetch || !window.DOMParser) {
    return;
  }
  var label = document.getElementById('run-progress-label');
  var finished = document.getElementById('run-progress-finished');
  function check() {
    fetch(window.location.pathname, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, 'text/html');
        var next = page.getElementById('run-progress');
        if (next) {
          bar.value = next.value;
          bar.textContent = next.textContent;
          label.textContent = page.getElementById('run-progress-label').textContent;
          window.setTimeout(check, 2000);
        } else {
          finished.hidden = false;
        }
      })
      .catch(function () { window.setTimeout(check, 5000); });
  }
  window.setTimeout(check, 2000);
})();
