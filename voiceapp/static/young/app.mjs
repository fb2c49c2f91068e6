// Pages work without this file; with it, GOV.UK Frontend's components come alive (Exit this page's
// Shift key shortcut, the menu button) and leaving replaces this page in the history, so Back does not
// bring it back on a watched phone.
import { initAll } from "./govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();

for (const exit of document.querySelectorAll(".govuk-js-exit-this-page-button")) {
  exit.addEventListener("click", (event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
    window.location.replace(exit.href);
  }, { capture: true });
}
