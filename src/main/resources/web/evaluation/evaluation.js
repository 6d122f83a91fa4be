// 综合评价: the 按期结案率 ranking of the table on the page drawn with ECharts (the figures come from the table's rows,
// so chart and table cannot disagree); names are set as text, never as HTML.
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, TitleComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import './evaluation.css';

echarts.use([BarChart, GridComponent, TooltipComponent, TitleComponent, CanvasRenderer]);

// every chart draws the table that follows it in its section (or the page's ranking table)
for (const el of document.querySelectorAll('.evaluation-chart')) {
  const table = el.parentElement.querySelector('table.evaluation') || document.getElementById('evaluation-table');
  const rows = table ? [...table.querySelectorAll('tbody tr')].filter((tr) => tr.dataset.rate !== '').slice(0, 30) : [];
  if (rows.length) {
    draw(el, rows);
  }
}

function draw(el, rows) {
  const chart = echarts.init(el, null, { renderer: 'canvas' });
  chart.setOption({
    title: { text: el.dataset.title, textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis', formatter: (p) => {
      const box = document.createElement('div');
      box.append(String(p[0].name), document.createElement('br'), p[0].value + '%');
      return box;
    } },
    grid: { left: 40, right: 16, top: 36, bottom: 60 },
    xAxis: { type: 'category', data: rows.map((tr) => tr.dataset.name), axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'value', max: 100 },
    series: [{ type: 'bar', barMaxWidth: 32, data: rows.map((tr) => Number(tr.dataset.rate)),
      label: { show: true, position: 'top', formatter: '{c}%' },
      itemStyle: { color: (p) => (p.value >= 90 ? '#16a34a' : p.value >= 70 ? '#ca8a04' : '#dc2626') } }],
  });
  el.dataset.drawn = 'true';
  window.addEventListener('resize', () => chart.resize());
}
