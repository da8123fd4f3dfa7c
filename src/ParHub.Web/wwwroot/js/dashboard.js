// The dashboard's trends: each canvas[data-chart] draws the JSON block beside it (#<id>-data: labels, values in %, or on
// the scale data.max in data.unit for the indices the province is measured by).
// Without JavaScript the table under each chart shows the same figures.
(function () {
    'use strict';
    if (typeof Chart === 'undefined') return;
    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
        var source = document.getElementById(canvas.id + '-data');
        if (!source) return;
        var data = JSON.parse(source.textContent);
        new Chart(canvas, {
            type: 'line',
            data: { labels: data.labels, datasets: [{ label: data.unit ? 'Điểm (' + data.unit + ')' : 'Tỷ lệ (%)', data: data.values, borderColor: '#0a58ca', backgroundColor: '#0a58ca', spanGaps: true }] },
            options: {
                responsive: true, maintainAspectRatio: false, animation: false,
                scales: { y: { min: 0, max: data.max || 100, title: { display: true, text: data.unit || '%' } } },
                plugins: {
                    legend: { display: false },
                    tooltip: { callbacks: { label: function (item) { return item.raw === null ? '—' : item.raw.toLocaleString('vi-VN') + (data.unit && data.unit !== '%' ? ' ' + data.unit : '%'); } } }
                }
            }
        });
        canvas.setAttribute('data-ready', '1');
    });
})();
