// The budget grid takes a block pasted from Excel or LibreOffice: a tab moves one cell to the
// right, a new line one row down, starting at the field pasted into. Nothing is saved until
// "Spara"; without JavaScript the grid is an ordinary form.
(function () {
  "use strict";
  var FIELDS = "input.amount, input.label";

  function isBlock(text) {
    var trimmed = text.replace(/\r/g, "").replace(/\n$/, "");
    return trimmed.indexOf("\t") !== -1 || trimmed.indexOf("\n") !== -1;
  }

  function fill(row, column, values) {
    values.forEach(function (value, offset) {
      var cell = row.cells[column + offset];
      var input = cell && cell.querySelector(FIELDS);
      if (input) {
        input.value = value.trim();
      }
    });
  }

  document.addEventListener("paste", function (event) {
    var start = event.target;
    if (!start.matches || !start.matches("#grid " + FIELDS)) {
      return;
    }
    var text = event.clipboardData ? event.clipboardData.getData("text/plain") : "";
    if (!isBlock(text)) {
      return;
    }
    event.preventDefault();
    var row = start.closest("tr");
    var column = Array.prototype.indexOf.call(row.cells, start.closest("td"));
    text.replace(/\r/g, "").replace(/\n$/, "").split("\n").forEach(function (line) {
      if (row) {
        fill(row, column, line.split("\t"));
        row = row.nextElementSibling;
      }
    });
    start.dispatchEvent(new Event("input", { bubbles: true }));
  });
})();
