/* The poster's print button: shown only where JavaScript runs, since printing needs it. */
(function () {
  "use strict";
  var button = document.querySelector("[data-poster-print]");
  if (!button || button.dataset.ready) return;
  button.dataset.ready = "true";
  button.hidden = false;
  button.addEventListener("click", function () {
    window.print();
  });
})();
