// TTHC month by month: dossiers received and resolved (bars) and the on-time and online shares (lines, right axis).
// The data is the page's JSON block (#tthc-trend-data); without JavaScript the table under the chart shows the same figures.
(function () {
    'use strict';
    var source = document.getElementById('tthc-trend-data');
    var canvas = document.getElementById('tthc-trend');
    if (!source || !canvas || typeof Chart === 'undefined') return;
    var data = JSON.parse(source.textContent);
    function pct(v) { return v === null ? '—' : v.toLocaleString('vi-VN', { minimumFractionDigits: 2 }) + '%'; }
    new Chart(canvas, {
        data: {
            labels: data.labels,
            datasets: [
                { type: 'bar', label: 'Tiếp nhận', data: data.received, backgroundColor: '#9ec5fe', yAxisID: 'y' },
                { type: 'bar', label: 'Đã giải quyết', data: data.resolved, backgroundColor: '#0d6efd', yAxisID: 'y' },
                { type: 'line', label: 'Đúng hạn (%)', data: data.onTime, borderColor: '#198754', backgroundColor: '#198754', yAxisID: 'p', spanGaps: true },
                { type: 'line', label: 'Trực tuyến (%)', data: data.online, borderColor: '#fd7e14', backgroundColor: '#fd7e14', yAxisID: 'p', spanGaps: true }
            ]
        },
        options: {
            responsive: true, maintainAspectRatio: false, animation: false,
            scales: {
                y: { beginAtZero: true, position: 'left', title: { display: true, text: 'Hồ sơ' } },
                p: { min: 0, max: 100, position: 'right', grid: { drawOnChartArea: false }, title: { display: true, text: '%' } }
            },
            plugins: {
                tooltip: {
                    callbacks: {
                        label: function (item) {
                            return item.dataset.label + ': ' + (item.dataset.yAxisID === 'p' ? pct(item.raw) : item.raw.toLocaleString('vi-VN'));
                        }
                    }
                }
            }
        }
    });
    canvas.setAttribute('data-ready', '1');
})();
