// SIPAS results: a bar chart of the components of the province or of the agency chosen in the list.
// The data is the page's JSON block (#sipas-chart-data); without JavaScript the tables show the same figures.
(function () {
    'use strict';
    var source = document.getElementById('sipas-chart-data');
    var canvas = document.getElementById('sipas-bars');
    var select = document.getElementById('sipas-chart-agency');
    if (!source || !canvas || !select || typeof Chart === 'undefined') return;
    var data = JSON.parse(source.textContent);
    var province = data.rows.find(function (r) { return r.key === '*'; });

    function datasets(key) {
        var row = data.rows.find(function (r) { return r.key === key; }) || province;
        var sets = [{ label: row.name, data: row.values, backgroundColor: '#0d6efd' }];
        if (province && row !== province) sets.push({ label: province.name, data: province.values, backgroundColor: '#adb5bd' });
        return sets;
    }

    var chart = new Chart(canvas, {
        type: 'bar',
        data: { labels: data.labels, datasets: datasets(select.value) },
        options: {
            responsive: true, maintainAspectRatio: false, animation: false,
            scales: { y: { min: 0, max: 100, title: { display: true, text: '%' } } },
            plugins: {
                tooltip: {
                    callbacks: {
                        title: function (items) { return items.length ? data.labels[items[0].dataIndex] + '. ' + data.titles[items[0].dataIndex] : ''; },
                        label: function (item) {
                            return item.dataset.label + ': ' + (item.raw === null ? '—' : item.raw.toLocaleString('vi-VN', { minimumFractionDigits: 2 })) + '%';
                        }
                    }
                }
            }
        }
    });
    canvas.setAttribute('data-ready', '1');
    select.addEventListener('change', function () {
        chart.data.datasets = datasets(select.value);
        chart.update();
    });
})();
