// The dashboard's charts (Apache ECharts) and bottleneck heatmap (bpmn-js), drawn from the
// figures the server put in #chart-data. Both libraries are served from the application's jar.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('chart-data').textContent);
  var hours = function (ms) { return Math.round(ms / 360000) / 10; };
  var days = function (ms) { return ms == null ? null : Math.round(ms / 8640000) / 10; };

  function chart(id, option) {
    var element = document.getElementById(id);
    if (element) {
      echarts.init(element, null, { locale: 'ZH' }).setOption(option);
    }
  }

  chart('phase-chart', {
    tooltip: { trigger: 'axis' },
    legend: {},
    grid: { left: 170, right: 30 },
    xAxis: { type: 'value', name: '小时 h' },
    yAxis: { type: 'category', inverse: true, data: data.phases.map(function (p) { return p.name; }) },
    series: [
      { name: '中位数 Median', type: 'bar', data: data.phases.map(function (p) { return hours(p.median); }) },
      { name: 'P90', type: 'bar', data: data.phases.map(function (p) { return hours(p.p90); }) }
    ]
  });

  chart('month-chart', {
    tooltip: { trigger: 'axis' },
    legend: {},
    xAxis: { type: 'category', data: data.months.map(function (m) { return m.month; }) },
    yAxis: [{ type: 'value', name: '件 cases', minInterval: 1 }, { type: 'value', name: '天 days' }],
    series: [
      { name: '立案 Opened', type: 'bar', data: data.months.map(function (m) { return m.opened; }) },
      { name: '结案 Closed', type: 'bar', data: data.months.map(function (m) { return m.closed; }) },
      { name: '结案周期中位数 Median days to closure', type: 'line', yAxisIndex: 1,
        data: data.months.map(function (m) { return days(m.medianClosedDuration); }) }
    ]
  });

  chart('risk-level-chart', {
    tooltip: { trigger: 'item' },
    series: [{ type: 'pie', radius: '70%',
      data: data.riskLevels.map(function (l) { return { name: l.riskLevel, value: l.cases }; }) }]
  });

  // green for the fastest node, red for the slowest, by median duration
  function heat(share) {
    return 'hsl(' + Math.round(120 * (1 - share)) + ', 75%, 70%)';
  }

  var container = document.getElementById('heatmap');
  var viewer = new BpmnJS({ container: container });
  fetch(container.dataset.diagram, { credentials: 'same-origin' })
    .then(function (response) { return response.text(); })
    .then(function (xml) { return viewer.importXML(xml); })
    .then(function () {
      var registry = viewer.get('elementRegistry');
      var overlays = viewer.get('overlays');
      // the diagram is far wider than high: show it at a readable size from its start; drag to pan
      var canvas = viewer.get('canvas');
      var inner = canvas.viewbox().inner;
      var box = container.getBoundingClientRect();
      var zoom = Math.min(1, box.height / (inner.height + 60));
      canvas.viewbox({ x: inner.x - 10, y: inner.y - 30, width: box.width / zoom, height: box.height / zoom });
      // steps and phases carry the figures; events and gateways take no time worth showing
      var timed = ['bpmn:SubProcess', 'bpmn:CallActivity', 'bpmn:UserTask', 'bpmn:ServiceTask', 'bpmn:BusinessRuleTask'];
      var nodes = data.nodes.filter(function (n) {
        var element = registry.get(n.activityId);
        return element && timed.indexOf(element.type) >= 0;
      });
      // below an hour everything is fast: minutes of difference should not turn a step red
      var slowest = Math.max.apply(null, [3600000].concat(nodes.map(function (n) { return n.median; })));
      nodes.forEach(function (n) {
        var element = registry.get(n.activityId);
        var shape = registry.getGraphics(element).querySelector('.djs-visual > :first-child');
        var phase = element.type === 'bpmn:SubProcess';
        if (shape && n.count > 0) {
          shape.style.fill = heat(n.median / slowest);
          shape.style.fillOpacity = phase ? '0.25' : '1';
        }
        var label = document.createElement('div');
        label.className = 'heat-label' + (phase ? ' phase' : '');
        label.dataset.activity = n.activityId;
        label.textContent = (n.count > 0 ? hours(n.median) + 'h / P90 ' + hours(n.p90) + 'h' : '')
          + (n.open > 0 ? ' · ' + n.open + ' 在办' : '');
        label.title = n.activityId + '：' + n.count + ' 次完成 passes, 中位数 median ' + hours(n.median)
          + 'h, P90 ' + hours(n.p90) + 'h, ' + n.open + ' 件在办 open now';
        overlays.add(n.activityId, { position: phase ? { top: -22, right: 0 } : { bottom: 4, left: 0 }, html: label });
      });
      viewer.get('eventBus').on('element.click', function (event) {
        var type = event.element.type;
        if (type === 'label' || type === 'bpmn:Process' || type === 'bpmn:SequenceFlow') {
          return;
        }
        window.location.href = container.dataset.cases + '?figure=waiting&activity='
          + encodeURIComponent(event.element.id) + '&' + data.query;
      });
      container.classList.add('drawn');
    })
    .catch(function (error) {
      container.textContent = '流程图无法显示 The diagram cannot be shown: ' + error;
    });
})();
