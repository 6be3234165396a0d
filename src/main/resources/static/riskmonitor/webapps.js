// Loaded by Tasklist, Cockpit, Admin and Welcome (customScripts in their config.js): the footer names Risk
// Monitor and its version (the Maven project version, filled in by the build) before Camunda's own.
const VERSION = '@project.version@';
const MARK = 'riskmonitor-version';

function nameUs() {
  const poweredBy = document.querySelector('[cam-widget-footer] .version');
  const column = poweredBy && poweredBy.parentElement;
  if (column && !column.querySelector('.' + MARK)) {
    const name = document.createElement('span');
    name.className = MARK;
    name.textContent = '风险监测 Risk Monitor ' + VERSION + ' · ';
    column.insertBefore(name, column.firstChild);
  }
}

// the footer is drawn by AngularJS after this module has loaded, and again on some page changes
new MutationObserver(nameUs).observe(document.documentElement, { childList: true, subtree: true });
nameUs();
