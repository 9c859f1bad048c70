/* Samordna: the menu folds into a "Meny" button on narrow screens.
   Without this script the menu simply stays open. No inline script anywhere. */
(function () {
  "use strict";
  var NARROW = window.matchMedia("(max-width: 47.99rem)");

  function setUp(button) {
    var menu = document.getElementById(button.getAttribute("aria-controls"));
    if (!menu) { return; }
    function show(open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      menu.classList.toggle("closed", !open);
    }
    function fit() {
      button.hidden = !NARROW.matches;
      show(!NARROW.matches);
    }
    button.addEventListener("click", function () {
      show(button.getAttribute("aria-expanded") !== "true");
    });
    menu.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && NARROW.matches) { show(false); button.focus(); }
    });
    NARROW.addEventListener("change", fit);
    fit();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("button.menu-toggle").forEach(setUp);
  });
})();
