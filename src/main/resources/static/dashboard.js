// The dashboard's charts (Apache ECharts) and bottleneck heatmap (bpmn-js), drawn from the
// figures the server put in #chart-data. Both libraries are served from the application's jar.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('chart-data').textContent);
  var hours = function (ms) { return Math.round(ms / 360000) / 10; };
  var days = function (ms) { return ms == null ? null : Math.round(ms / 8640000) / 10; };

  // the month as the Chinese write it: 2026-03 is 2026年3月
  var month = function (m) { return m.slice(0, 4) + '年' + parseInt(m.slice(5), 10) + '月'; };
  var drawn = [];

  // SVG, not canvas: sharp when printed, and the page's styles reach it
  function chart(id, title, unit, option) {
    var element = document.getElementById(id);
    if (element) {
      option.title = { text: title, subtext: unit, left: 0, textStyle: { fontSize: 14 }, subtextStyle: { fontSize: 12 } };
      option.aria = { enabled: true };
      var instance = echarts.init(element, null, { locale: 'ZH', renderer: 'svg' });
      instance.setOption(option);
      drawn.push(instance);
    }
  }

  chart('phase-chart', '各阶段周期 Cycle time by phase', '单位：小时 Unit: hours', {
    tooltip: { trigger: 'axis', valueFormatter: function (v) { return v + ' 小时 h'; } },
    legend: { top: 0, right: 0 },
    grid: { left: 150, right: 40, top: 60, bottom: 40 },
    xAxis: { type: 'value', name: '小时 h', nameLocation: 'middle', nameGap: 26 },
    yAxis: { type: 'category', inverse: true, axisLabel: { width: 140, overflow: 'truncate' },
      data: data.phases.map(function (p) { return p.name; }) },
    series: [
      { name: '中位数 Median', type: 'bar', data: data.phases.map(function (p) { return hours(p.median); }) },
      { name: 'P90', type: 'bar', data: data.phases.map(function (p) { return hours(p.p90); }) }
    ]
  });

  chart('month-chart', '月度趋势 Monthly trend', '左轴：件 cases；右轴：天 days', {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, right: 0, width: '55%' },
    grid: { left: 50, right: 50, top: 100, bottom: 30 },
    xAxis: { type: 'category', data: data.months.map(function (m) { return month(m.month); }) },
    yAxis: [{ type: 'value', name: '件 cases', minInterval: 1 }, { type: 'value', name: '天 days' }],
    series: [
      { name: '立案 Opened', type: 'bar', data: data.months.map(function (m) { return m.opened; }) },
      { name: '结案 Closed', type: 'bar', data: data.months.map(function (m) { return m.closed; }) },
      { name: '结案周期中位数 Median days to closure', type: 'line', yAxisIndex: 1,
        data: data.months.map(function (m) { return days(m.medianClosedDuration); }) }
    ]
  });

  chart('risk-level-chart', '风险等级分布 Risk levels', '单位：件 Unit: cases', {
    tooltip: { trigger: 'item', valueFormatter: function (v) { return v + ' 件 cases'; } },
    series: [{ type: 'pie', radius: '60%', top: 40, label: { formatter: '{b}：{c} 件' },
      data: data.riskLevels.map(function (l) { return { name: l.riskLevel, value: l.cases }; }) }]
  });

  window.addEventListener('resize', function () {
    drawn.forEach(function (instance) { instance.resize(); });
  });

  // green for the fastest node, red for the slowest, by median duration
  function heat(share) {
    return 'hsl(' + Math.round(120 * (1 - share)) + ', 75%, 70%)';
  }

  // a badge's hours: one decimal below 100, whole hours above, so a badge stays narrower than its step
  function short(ms) {
    var h = hours(ms);
    return (h < 100 ? h : Math.round(h)) + 'h';
  }

  function badge(kind, text, about, node, colour) {
    var element = document.createElement('span');
    element.className = 'heat-label ' + kind;
    element.dataset.activity = node.activityId;
    element.textContent = text;
    element.title = about;
    if (colour) {
      element.style.backgroundColor = colour;
    }
    return element;
  }

  // the colour scale under the diagram: from 0 hours (green) to the slowest median (red)
  function legend(slowest) {
    var scale = document.getElementById('heat-scale');
    var stops = [0, 0.25, 0.5, 0.75, 1].map(function (share) { return heat(share) + ' ' + share * 100 + '%'; });
    scale.style.backgroundImage = 'linear-gradient(to right, ' + stops.join(', ') + ')';
    document.getElementById('heat-scale-max').textContent = hours(slowest) + ' h';
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
      legend(slowest);
      nodes.forEach(function (n) {
        var element = registry.get(n.activityId);
        var shape = registry.getGraphics(element).querySelector('.djs-visual > :first-child');
        var phase = element.type === 'bpmn:SubProcess';
        var about = n.activityId + '：' + n.count + ' 次完成 passes，中位数 median ' + hours(n.median)
          + ' 小时 h，P90 ' + hours(n.p90) + ' 小时 h，' + n.open + ' 件在办 open now';
        // two short badges just above the shape, the median over its left end and the open cases over its
        // right: within the shape's width they cannot run into a neighbour's, above it they leave its icon and name clear
        var top = phase ? -24 : -19;
        if (n.count > 0) {
          if (shape) {
            shape.style.fill = heat(n.median / slowest);
            shape.style.fillOpacity = phase ? '0.25' : '1';
          }
          overlays.add(n.activityId, { position: { top: top, left: phase ? 0 : 6 },
            html: badge('heat-median' + (phase ? ' phase' : ''), short(n.median), about, n, heat(n.median / slowest)) });
        }
        if (n.open > 0) {
          overlays.add(n.activityId, { position: { top: top, right: phase ? 0 : 6 },
            html: badge('heat-open', String(n.open), about, n) });
        }
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
      // on paper the whole diagram, not the part scrolled to
      var shown;
      window.addEventListener('beforeprint', function () {
        shown = canvas.viewbox();
        canvas.zoom('fit-viewport');
      });
      window.addEventListener('afterprint', function () {
        if (shown) {
          canvas.viewbox(shown);
        }
      });
    })
    .catch(function (error) {
      container.textContent = '流程图无法显示 The diagram cannot be shown: ' + error;
    });
})();
