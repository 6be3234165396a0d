// Risk Monitor's Admin settings; Camunda's own config.js sets nothing.
export default {
  // the footer names Risk Monitor and its version: static/riskmonitor/webapps.js, served at the root
  // (a script's path is taken from /camunda/app/<this app>/)
  customScripts: ['../../../riskmonitor/webapps']
};
