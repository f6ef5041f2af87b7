// Share kit: a Copy button per post puts exactly that post's text on the clipboard.
(function () {
  "use strict";
  if (!navigator.clipboard || !window.isSecureContext) {
    return; // Without the clipboard API the buttons stay hidden; the text is still selectable.
  }
  var buttons = document.querySelectorAll("button.share-copy[data-copy]");
  Array.prototype.forEach.call(buttons, function (button) {
    var field = document.getElementById(button.getAttribute("data-copy"));
    var status = document.getElementById(button.getAttribute("data-copy") + "-status");
    if (!field || !status) {
      return;
    }
    var timer = null;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(field.value).then(
        function () {
          status.textContent = "Copied";
        },
        function () {
          status.textContent = "Could not copy: select the text and copy it yourself";
          var details = field.closest("details");
          if (details) {
            details.open = true;
          }
          field.select();
        }
      );
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        status.textContent = "";
      }, 4000);
    });
    button.hidden = false;
  });
})();
