// A little JavaScript over server-rendered pages; without it every page is complete and every form works.
(function () {
  document.documentElement.classList.add('js');

  // Pickers apply as soon as they change (their Apply button is for browsers without JavaScript).
  document.querySelectorAll('[data-autosubmit]').forEach(function (input) {
    input.addEventListener('change', function () { input.form.submit(); });
  });

  // Folds the SRE opened or closed stay so across a refresh: a <details> with a data-key takes the state its
  // namesake had before the swap (new ones keep the page's default).
  function keepFolds(current, next) {
    const open = new Map();
    current.querySelectorAll('details[data-key]').forEach(function (fold) { open.set(fold.getAttribute('data-key'), fold.open); });
    next.querySelectorAll('details[data-key]').forEach(function (fold) {
      const key = fold.getAttribute('data-key');
      if (open.has(key)) { fold.open = open.get(key); }
    });
  }

  // Live refresh without a full reload: every element with data-live is re-fetched from the same page and swapped in
  // place, unless the SRE is typing in it or has a form of it in focus.
  const sections = document.querySelectorAll('[data-live]');
  sections.forEach(function (section) {
    const seconds = Number(section.getAttribute('data-refresh-seconds') || '10');
    const key = section.getAttribute('data-live');
    setInterval(async function () {
      if (document.hidden) { return; }
      const current = document.querySelector('[data-live="' + key + '"]');
      if (!current || current.contains(document.activeElement) && document.activeElement.matches('input, textarea, select')) { return; }
      try {
        const response = await fetch(window.location.href, { headers: { 'X-Live-Refresh': key }, credentials: 'same-origin' });
        if (!response.ok || response.redirected) { return; }
        const html = await response.text();
        const next = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-live="' + key + '"]');
        if (next) { keepFolds(current, next); current.replaceWith(next); document.dispatchEvent(new CustomEvent('aiops:refreshed', { detail: key })); }
      } catch (e) {
        // The host may be restarting: keep the last view and try again at the next tick.
      }
    }, seconds * 1000);
  });
})();
