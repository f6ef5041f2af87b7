// The search page: loads Pagefind's bundle, then searches for ?q= from the header's box.
(() => {
  const box = document.getElementById("search");
  if (!box) return;
  const bundle = box.dataset.bundle;
  const style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = bundle + "pagefind-ui.css";
  document.head.append(style);
  const script = document.createElement("script");
  script.src = bundle + "pagefind-ui.js";
  script.onload = () => {
    const ui = new PagefindUI({ element: "#search", bundlePath: bundle, showSubResults: true, showImages: false, autofocus: true });
    // The page's heading is the box's visible label.
    box.querySelector("input")?.setAttribute("aria-labelledby", "search-title");
    document.getElementById("search-fallback").hidden = true;
    const term = new URLSearchParams(location.search).get("q");
    if (term) ui.triggerSearch(term);
  };
  document.head.append(script);
})();
