//! Runs in the page's head, before anything is painted (a classic script, so it blocks the first paint; it is tiny): a page asked for another story by address (`?src=`) marks itself, so the stylesheet hides the story it was built with until that one arrives, and the theme the address asks for (`?theme=`) is the first paint's.
(function () {
  var params = new URLSearchParams(location.search);
  var html = document.documentElement;
  if (params.get("src")) html.setAttribute("data-dm-src", "");
  // Light unless asked: "auto" follows the reader's system, for publications whose pages do too.
  var theme = params.get("theme");
  if (/^(dark|light|auto)$/.test(theme)) html.dataset.theme = theme;
})();
