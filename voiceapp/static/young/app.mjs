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

// Staff reply boxes: how many texts the reply will go as, counted as the phone network does (GSM-7 160 per
// text, 153 each when joined; any other character makes the whole text UCS-2, 70 and 67). The page says
// the rule in words without this script.
const GSM = new Set("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà");
const GSM_EXTENSION = new Set("\f^{}\\[~]|€");

function measure(text) {
  const chars = Array.from(text);
  const gsm = chars.every((ch) => GSM.has(ch) || GSM_EXTENSION.has(ch));
  const costs = chars.map((ch) => (gsm ? (GSM_EXTENSION.has(ch) ? 2 : 1) : (ch.codePointAt(0) > 0xffff ? 2 : 1)));
  const [single, perPart] = gsm ? [160, 153] : [70, 67];
  const units = costs.reduce((sum, cost) => sum + cost, 0);
  let parts = units === 0 ? 0 : 1;
  if (units > single) {
    let filled = 0;
    parts = 1;
    for (const cost of costs) {
      if (filled + cost > perPart) { parts += 1; filled = 0; }
      filled += cost;
    }
  }
  return { gsm, units, parts };
}

for (const box of document.querySelectorAll("textarea[data-sms-counter='true']")) {
  const counter = document.querySelector(`[data-sms-counter-for='${box.name}']`);
  if (!counter) continue;
  counter.setAttribute("aria-live", "polite");
  const update = () => {
    const { gsm, units, parts } = measure(box.value);
    const kind = gsm ? "plain characters (GSM-7)" : "characters outside GSM-7 (UCS-2: 70 to a text)";
    counter.textContent = `${units} ${kind}: ${parts} text message${parts === 1 ? "" : "s"}.`;
  };
  box.addEventListener("input", update);
  update();
}
