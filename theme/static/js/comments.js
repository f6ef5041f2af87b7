/* Live comments, two clicks: nothing loads from the provider until the reader presses the button. */
(function () {
  "use strict";
  var KEY = "hub-comments-";

  function remembered(provider) {
    try { return window.localStorage.getItem(KEY + provider) === "yes"; } catch (e) { return false; }
  }

  function remember(provider) {
    try { window.localStorage.setItem(KEY + provider, "yes"); } catch (e) { /* private mode */ }
  }

  // Build an element from plain data: {"tag": "div", "id": "...", "data-x": "..."}.
  function element(tag, attributes) {
    var node = document.createElement(tag);
    Object.keys(attributes).forEach(function (name) {
      if (name !== "tag") { node.setAttribute(name, attributes[name]); }
    });
    return node;
  }

  function load(box, embed, moveFocus) {
    var target = box.querySelector(".comments-thread");
    if (embed.config && embed.config.page) {
      var page = embed.config.page;
      window[embed.config.name] = function () { Object.assign(this.page, page); };
    } else if (embed.config) {
      window[embed.config.name] = embed.config.value;
    }
    if (embed.thread) { target.appendChild(element(embed.thread.tag, embed.thread)); }
    target.appendChild(element("script", embed.script));
    box.querySelector(".comments-consent").hidden = true;
    if (moveFocus) { target.focus(); }
  }

  document.querySelectorAll("[data-comments]").forEach(function (box) {
    var embed = JSON.parse(box.getAttribute("data-comments"));
    if (remembered(embed.provider)) { load(box, embed, false); return; }
    box.querySelector(".comments-consent").hidden = false;
    box.querySelector(".comments-show").addEventListener("click", function () {
      var keep = box.querySelector(".comments-remember input");
      if (keep && keep.checked) { remember(embed.provider); }
      load(box, embed, true);
    });
  });
}());
