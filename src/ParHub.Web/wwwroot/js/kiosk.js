// ParHub kiosk: the questionnaire part by part in one page that never navigates; each response is queued in
// localStorage with its own id and sent when the network is there. An entry leaves the queue only once the server
// has acknowledged it (a resend of an id already stored is acknowledged and counted once).
(function () {
    'use strict';
    var root = document.getElementById('kiosk');
    if (!root) return;
    var sendUrl = root.getAttribute('data-send');
    var key = root.getAttribute('data-key');
    var form = document.getElementById('kiosk-form');
    var parts = Array.prototype.slice.call(form.querySelectorAll('[data-part]'));
    var statusBox = document.getElementById('kiosk-status');
    var problemsBox = document.getElementById('kiosk-problems');
    var progress = document.getElementById('kiosk-progress');
    var nextButton = document.getElementById('kiosk-next');
    var backButton = document.getElementById('kiosk-back');
    var thanks = document.getElementById('kiosk-thanks');
    var current = 0;
    var sending = false;
    var rejected = 0;
    var resetTimer = null;

    function readQueue() {
        try { return JSON.parse(localStorage.getItem(key) || '[]'); } catch (e) { return []; }
    }
    function writeQueue(q) { localStorage.setItem(key, JSON.stringify(q)); }

    function newId() {
        if (window.crypto && typeof window.crypto.randomUUID === 'function') return window.crypto.randomUUID();
        var b = new Uint8Array(16);
        window.crypto.getRandomValues(b);
        b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
        var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join('');
        return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
    }

    function answers() {
        var a = {};
        form.querySelectorAll('input[name^="a:"]').forEach(function (i) {
            var code = i.name.slice(2);
            if (i.type === 'radio' || i.type === 'checkbox') {
                if (!i.checked) return;
                a[code] = a[code] ? a[code] + ',' + i.value : i.value;
            } else if (i.value.trim()) {
                a[code] = i.value.trim();
            }
        });
        return a;
    }

    function shown(cond, a) {
        if (!cond) return true;
        var eq = cond.indexOf('=');
        if (eq <= 0) return true;
        var given = a[cond.slice(0, eq).trim()];
        return given !== undefined && given.split(',').indexOf(cond.slice(eq + 1).trim()) >= 0;
    }

    function asked(a) { return parts.filter(function (p) { return shown(p.getAttribute('data-show-if'), a); }); }

    function render() {
        var a = answers();
        var list = asked(a);
        if (current >= list.length) current = list.length - 1;
        parts.forEach(function (p) { p.hidden = p !== list[current]; });
        list[current].querySelectorAll('[data-item]').forEach(function (f) { f.hidden = !shown(f.getAttribute('data-show-if'), a); });
        progress.textContent = 'Phần ' + (current + 1) + '/' + list.length;
        nextButton.textContent = current === list.length - 1 ? 'Gửi phiếu' : 'Tiếp tục';
        backButton.hidden = current === 0;
    }

    function problems(part) {
        var out = [];
        part.querySelectorAll('[data-item][data-required="1"]').forEach(function (f) {
            if (f.hidden) return;
            var any = Array.prototype.some.call(f.querySelectorAll('input'), function (i) {
                return (i.type === 'radio' || i.type === 'checkbox') ? i.checked : i.value.trim() !== '';
            });
            if (any) return;
            var text = f.querySelector('legend').textContent.replace(/ \*$/, '');
            out.push('Câu ' + f.getAttribute('data-item') + ' (' + text + '): vui lòng trả lời.');
        });
        return out;
    }

    function showProblems(list) {
        problemsBox.hidden = list.length === 0;
        problemsBox.textContent = '';
        list.forEach(function (m) { var d = document.createElement('div'); d.textContent = m; problemsBox.appendChild(d); });
    }

    // Only the answers of parts and items asked under their conditions are sent.
    function askedAnswers() {
        var a = answers();
        var out = {};
        asked(a).forEach(function (p) {
            p.querySelectorAll('[data-item]').forEach(function (f) {
                var code = f.getAttribute('data-item');
                if (shown(f.getAttribute('data-show-if'), a) && a[code] !== undefined) out[code] = a[code];
            });
        });
        return out;
    }

    function restart() {
        if (resetTimer) { clearTimeout(resetTimer); resetTimer = null; }
        form.reset();
        current = 0;
        thanks.hidden = true;
        form.hidden = false;
        showProblems([]);
        render();
        window.scrollTo(0, 0);
    }

    function finish() {
        var q = readQueue();
        q.push({ id: newId(), answers: askedAnswers(), at: new Date().toISOString() });
        writeQueue(q);
        form.hidden = true;
        thanks.hidden = false;
        resetTimer = setTimeout(restart, 8000);
        updateStatus();
        flush();
    }

    function updateStatus() {
        var n = readQueue().length;
        statusBox.setAttribute('data-pending', String(n));
        var text;
        if (!navigator.onLine) text = 'Đang ngoại tuyến — ' + n + ' phiếu chờ gửi';
        else if (n > 0) text = 'Đang gửi — ' + n + ' phiếu chờ gửi';
        else text = 'Đã kết nối — mọi phiếu đã được gửi';
        if (rejected > 0) text += ' (' + rejected + ' phiếu bị từ chối)';
        statusBox.textContent = text;
        statusBox.className = 'alert py-1 small ' + (!navigator.onLine ? 'alert-warning' : n > 0 ? 'alert-info' : 'alert-success');
    }

    function drop(id) { writeQueue(readQueue().filter(function (e) { return e.id !== id; })); }

    function flush() {
        updateStatus();
        if (sending) return;
        var q = readQueue();
        if (q.length === 0) return;
        sending = true;
        var entry = q[0];
        fetch(sendUrl, {
            method: 'POST', credentials: 'omit', cache: 'no-store',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ clientId: entry.id, answers: entry.answers })
        }).then(function (r) {
            sending = false;
            // Acknowledged, or refused for good (bad data): it leaves the queue. Anything else stays and is retried.
            if (r.ok) { drop(entry.id); flush(); return; }
            if (r.status === 400 || r.status === 404 || r.status === 413 || r.status === 415 || r.status === 422) {
                rejected++; drop(entry.id); flush(); return;
            }
            updateStatus();
        }, function () { sending = false; updateStatus(); });
    }

    nextButton.addEventListener('click', function () {
        var list = asked(answers());
        var found = problems(list[current]);
        showProblems(found);
        if (found.length > 0) return;
        list = asked(answers()); // an answer on this part may ask or skip a later part (8.c → part II)
        if (current < list.length - 1) { current++; render(); window.scrollTo(0, 0); return; }
        finish();
    });
    backButton.addEventListener('click', function () { if (current > 0) current--; showProblems([]); render(); });
    document.getElementById('kiosk-again').addEventListener('click', restart);
    form.addEventListener('change', render);
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    window.addEventListener('online', flush);
    window.addEventListener('offline', updateStatus);
    setInterval(flush, 10000);
    render();
    flush();
})();
