/**
 * Entry point of the web view: registers the components; <pd-app> in index.html does the rest.
 * The analysis runs in the browser from the same core as the CLI (see docs/web.md).
 */
import './components/app-shell/app-shell.js';
