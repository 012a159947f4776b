//! The one inline script of each built page, written into its head before the stylesheet by the build (src/prerender/page.rs, which takes these lines without their comments; docs/stories.md gives the hash a Content-Security-Policy allows it by). Inline, so it runs before anything is painted and holds up neither the parser nor the stylesheet: a page asked for another story by address (`?src=`) marks itself, so the stylesheet hides the story it was built with until that one arrives; and the theme the address asks for (`?theme=`: light unless asked, "auto" follows the reader's system) is the first paint's.
(function () {
  var params = new URLSearchParams(location.search);
  var html = document.documentElement;
  if (params.get("src")) html.setAttribute("data-dm-src", "");
  var theme = params.get("theme");
  if (/^(dark|light|auto)$/.test(theme)) html.dataset.theme = theme;
})();
