// The access token field of a writing form: filled from this tab's sessionStorage (where the
// Add page keeps it) and saved back when typed, so the analyst types it once per tab.
"use strict";
(function () {
  const input = document.getElementById("token");
  if (!input) return;
  input.value = sessionStorage.getItem("fuentes-token") || "";
  input.addEventListener("change", () => sessionStorage.setItem("fuentes-token", input.value));
})();
