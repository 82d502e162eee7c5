// Starts the GOV.UK components (header menu, error summary focus, details, etc.).
// Pages work without it; it only improves them.
import { initAll } from '/govuk/govuk-frontend.min.js';

initAll();
