//! For the iframe host test pages: takes the widget's address and the placeholder's settings from
//! this page's query (the widget's port changes per run), then loads our host script from there.
const query = new URLSearchParams(location.search);
const holder = document.getElementById("holder");
holder.dataset.src = query.get("widget");
if (query.has("theme")) holder.dataset.theme = query.get("theme");
if (query.has("reflect")) holder.setAttribute("data-reflect-view", "");
// A page that declares its scheme in CSS on its root, as many with a dark mode do.
if (query.has("scheme")) document.documentElement.style.colorScheme = query.get("scheme");
if (query.has("below")) document.getElementById("above").hidden = false;
const script = document.createElement("script");
script.src = new URL("embed.js", query.get("widget")).href;
document.body.append(script);
