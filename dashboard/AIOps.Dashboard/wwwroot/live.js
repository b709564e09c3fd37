// Live refresh without a full reload: every element with data-live is re-fetched from the same page
// and swapped in place. Without JavaScript the page is still complete; it just does not update.
(function () {
  const sections = document.querySelectorAll('[data-live]');
  sections.forEach(function (section) {
    const seconds = Number(section.getAttribute('data-refresh-seconds') || '10');
    const key = section.getAttribute('data-live');
    setInterval(async function () {
      if (document.hidden) { return; }
      try {
        const response = await fetch(window.location.href, { headers: { 'X-Live-Refresh': key } });
        if (!response.ok) { return; }
        const html = await response.text();
        const next = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-live="' + key + '"]');
        const current = document.querySelector('[data-live="' + key + '"]');
        if (next && current) { current.replaceWith(next); }
      } catch (e) {
        // The host may be restarting: keep the last view and try again at the next tick.
      }
    }, seconds * 1000);
  });
})();
