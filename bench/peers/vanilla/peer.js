//! The plain-JavaScript peer of the widget for the benchmarks: fetches a story, renders the
//! matrix (issues × sides, stance and summary per cell) and switches views with keyed, minimal
//! DOM updates. No accessibility extras, no detail panel, no summary: the interaction floor.

const SHAPES = {
  demands: ["path", { d: "M8 1.8 14.6 13.6H1.4Z", class: "dm-stance__fill" }],
  supports: ["path", { d: "M2.6 8.6 6.3 12.2 13.4 3.8", class: "dm-stance__stroke" }],
  open: ["circle", { cx: "8", cy: "8", r: "5.2", class: "dm-stance__stroke" }],
  rejects: ["path", { d: "M3.4 3.4 12.6 12.6M12.6 3.4 3.4 12.6", class: "dm-stance__stroke" }],
  not_stated: ["path", { d: "M3 8H13", class: "dm-stance__stroke dm-stance__stroke--thin" }],
};
const LABELS = { demands: "Demands", supports: "Supports", open: "Open", rejects: "Rejects", not_stated: "Not stated" };
const SVG = "http://www.w3.org/2000/svg";

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

function stanceMark(stance) {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 16 16");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("class", "dm-stance__icon");
  const [tag, attrs] = SHAPES[stance];
  const shape = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) shape.setAttribute(k, v);
  svg.append(shape);
  return el("span", { class: `dm-stance dm-stance--${stance}` }, svg, el("span", { class: "dm-stance__label" }, LABELS[stance]));
}

function cell(issue, side, position) {
  const button = el("button", { type: "button", class: "dm-cell__button" },
    el("span", { class: "dm-sr-only" }, `${side.name} on ${issue.title}: `), stanceMark(position.stance));
  if (position.priority) button.append(el("span", { class: "dm-cell__rank" }, `No. ${position.priority}`));
  const td = el("td", { class: `dm-cell dm-cell--${position.stance}`, "data-stance": position.stance },
    el("span", { class: "dm-cell__side", "aria-hidden": "true" }, side.name), button,
    el("p", { class: "dm-cell__summary" }, position.summary?.trim() || "The report does not say."));
  if (position.quote) {
    td.append(el("details", { class: "dm-cell__more" }, el("summary", { class: "dm-cell__more-label" }, "Quote"),
      el("blockquote", { class: "dm-cell__quote" }, el("p", {}, `“${position.quote.text}”`)),
      el("p", { class: "dm-cell__speaker" }, `— ${position.quote.speaker}`)));
  }
  return td;
}

/** Rows and columns of a view, as the widget orders them (src/model/view.rs). */
function layout(story, at, focus) {
  const n = story.issues.length;
  const all = [...Array(n).keys()];
  if (focus < 0) return { columns: [...story.sides.keys()], groups: [{ head: null, issues: all }] };
  const stance = (i) => at(i, focus).stance;
  const demands = all.filter((i) => stance(i) === "demands")
    .sort((a, b) => (at(a, focus).priority ?? Infinity) - (at(b, focus).priority ?? Infinity));
  const name = story.sides[focus].name;
  return {
    columns: [focus, ...[...story.sides.keys()].filter((s) => s !== focus)],
    groups: [
      { key: "demands", head: `Demands of ${name}, and how the others answer`, issues: demands },
      { key: "answers", head: `Positions of ${name} on the other issues`, issues: all.filter((i) => stance(i) !== "demands" && stance(i) !== "not_stated") },
      { key: "silent", head: `No position of ${name} on record`, issues: all.filter((i) => stance(i) === "not_stated") },
    ],
  };
}

async function main() {
  const mount = document.getElementById("peer");
  const params = new URLSearchParams(location.search);
  const story = await (await fetch(params.get("src") || mount.dataset.src)).json();
  const k = story.sides.length;
  const byKey = new Map(story.positions.map((p) => [`${p.issue}\n${p.side}`, p]));
  const grid = story.issues.map((issue) => story.sides.map((side) => byKey.get(`${issue.id}\n${side.id}`)));
  const at = (i, s) => grid[i][s];
  const views = [{ id: "all", label: "All sides", focus: -1 }, ...story.sides.map((s, i) => ({ id: s.id, label: s.short, focus: i }))];

  // Built once; a view switch only moves these nodes and toggles classes.
  const rows = story.issues.map((issue, i) => {
    const cells = story.sides.map((side, s) => cell(issue, side, at(i, s)));
    const tr = el("tr", { class: "dm-row", "data-testid": `dm-row-${issue.id}` },
      el("th", { scope: "row", class: "dm-row__issue" }, el("span", { class: "dm-row__title" }, issue.title),
        el("span", { class: "dm-row__explainer" }, issue.explainer)), ...cells);
    return { tr, cells, order: [...story.sides.keys()] };
  });
  const heads = story.sides.map((side) => el("th", { scope: "col", class: "dm-matrix__side" }, side.name));
  const groupHeads = new Map();
  const groupHead = (key, text) => {
    const th = el("th", { scope: "colgroup", colspan: String(k + 1) });
    if (!groupHeads.has(key)) groupHeads.set(key, el("tr", { class: "dm-matrix__group-head" }, th));
    groupHeads.get(key).firstChild.textContent = text;
    return groupHeads.get(key);
  };
  const headRow = el("tr", {}, el("th", { scope: "col", class: "dm-matrix__corner" }, "Issue"), ...heads);
  const caption = el("caption", { class: "dm-matrix__caption" });
  const tbody = el("tbody", { "data-testid": "dm-body" });
  const title = el("h3", { class: "dm-panel__title" });
  const tabs = views.map((v) => {
    const tab = el("button", { type: "button", role: "tab", class: "dm-tabs__tab", "data-testid": `dm-tab-${v.id}` }, v.label);
    tab.addEventListener("click", () => show(v));
    return tab;
  });
  const root = el("section", { class: "dm", "data-testid": "dm-root", "data-state": "ready" },
    el("header", { class: "dm-header" }, el("h2", { class: "dm-header__title" }, story.title),
      el("p", { class: "dm-header__standfirst" }, story.standfirst)),
    el("div", { class: "dm-tabs", role: "tablist" }, ...tabs),
    el("div", { class: "dm-panel", role: "tabpanel" }, title,
      el("div", { class: "dm-matrix" }, el("table", { class: "dm-matrix__table" }, caption, el("thead", {}, headRow), tbody))));

  let current = null;
  function show(view) {
    if (current === view) return;
    const { columns, groups } = layout(story, at, view.focus);
    const old = current?.focus ?? -1;
    current = view;
    root.dataset.view = view.id;
    root.className = `dm dm--view-${view.id}`;
    tabs.forEach((t, i) => t.classList.toggle("dm-tabs__tab--selected", views[i] === view));
    title.textContent = view.focus < 0 ? "All sides" : story.sides[view.focus].view_title ?? `Seen from ${story.sides[view.focus].name}`;
    caption.textContent = view.focus < 0
      ? `Where each side stands on ${story.issues.length} issues raised at the talks`
      : `Demands of ${story.sides[view.focus].name} first, then how every side stands on each of ${story.issues.length} issues`;
    // Columns: move only when the order changed; focus classes only where focus moved.
    const reorder = (parent, nodes) => nodes.forEach((n, i) => { if (parent.children[i + 1] !== n) parent.insertBefore(n, parent.children[i + 1] ?? null); });
    reorder(headRow, columns.map((s) => heads[s]));
    for (const s of [old, view.focus]) if (s >= 0) heads[s].classList.toggle("dm-matrix__side--focus", s === view.focus);
    for (const row of rows) {
      if (row.order.some((s, i) => s !== columns[i])) {
        reorder(row.tr, columns.map((s) => row.cells[s]));
        row.order = columns;
      }
      for (const s of [old, view.focus]) if (s >= 0) row.cells[s].classList.toggle("dm-cell--focus", s === view.focus);
    }
    // Rows: a keyed reorder of the one tbody, inserting only where the sequence differs.
    const wanted = [];
    for (const g of groups) {
      if (g.head) wanted.push(groupHead(g.key, g.head));
      for (const i of g.issues) wanted.push(rows[i].tr);
    }
    const keep = new Set(wanted);
    for (const node of [...tbody.children]) if (!keep.has(node)) node.remove();
    let at0 = tbody.firstChild;
    for (const node of wanted) {
      if (node === at0) at0 = at0.nextSibling;
      else tbody.insertBefore(node, at0);
    }
  }
  show(views.find((v) => v.id === params.get("view")) ?? views[0]);
  mount.replaceChildren(root);
  root.dataset.interactive = "true";
}

main();
